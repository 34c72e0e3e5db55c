package dev.ocular.distortion.profile;

import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialFunction;
import dev.ocular.distortion.model.RadialLensModel;
import dev.ocular.distortion.model.RationalRadial;

/**
 * Turns Valve-style lens numbers (Vive, Vive Pro, Index per-unit JSON) into ocular's geometry.
 *
 * <p>Valve's HMD JSON documentation: panel pixel P, lens centre C of a channel at
 * {@code C = (w/2 · (1 + center_x), h/2 + w/2 · center_y)} (pixels, y down; both offsets divided by w/2),
 * normalised radius {@code r = |P − C| / (w/2)}, and {@code tan θ = |P − C| / f · D(r)} with
 * {@code D = 1 / (1 + c0 r² + c1 r⁴ + c2 r⁶)} for {@code DISTORT_DPOLY3} and {@code D = 1 + c0 r² + c1 r⁴ + c2 r⁶} for
 * {@code DISTORT_POLY3}. The intrinsics matrix holds {@code fx = f / (w/2)} and {@code fy = f / (h/2)}.
 *
 * <p>As Monado's {@code u_compute_distortion_vive} does, each channel's centre offset is added back after the radial
 * scaling, so red and blue land in green's frame: render = (q_c · D_c(|q_c|) + (C_c − C_g)/(w/2)) / f, with y flipped
 * to point up. The render image covers what Monado's texture covers: normalised positions within ±(1 + grow) across
 * and ±(1 + grow)·h/w down, about the viewport centre ({@code grow_for_undistort}).
 */
final class ValveLensGeometry {
    private ValveLensGeometry() {
    }

    /**
     * @param form {@code dpoly3} or {@code poly3}
     * @param focal {fx, fy} as in the intrinsics matrix
     * @param r2Cutoff normalised r² beyond which the calibration is not valid (+∞ for none)
     * @param centers per channel (red, green, blue) {center_x, center_y}
     * @param coeffs per channel {c0, c1, c2}
     */
    static LensModel model(String form, double[] focal, double r2Cutoff, double[][] centers, double[][] coeffs,
                           int width, int height) {
        double half = 0.5 * width;
        double fx = focal[0];
        double fy = focal[1] * height / width;
        double[] green = centers[1];
        RadialChannel[] channels = new RadialChannel[3];
        for (int c = 0; c < 3; c++) {
            double[] k = coeffs[c];
            RadialFunction g = form.equals("dpoly3")
                    ? new RationalRadial(k[0], k[1], k[2])
                    : PolynomialRadial.brownConrady(1.0, k);
            double cx = half * (1.0 + centers[c][0]);
            double cy = 0.5 * height + half * centers[c][1];
            channels[c] = new RadialChannel(cx, cy, half, half, g, 1.0 / fx, 1.0 / fy,
                    (centers[c][0] - green[0]) / fx, -(centers[c][1] - green[1]) / fy);
        }
        return new RadialLensModel("inverse_polynomial", channels[0], channels[1], channels[2], r2Cutoff, width,
                height);
    }

    /** The render field of view Monado's Vive path gives such a lens: ±(1 + grow) normalised, see class comment. */
    static Fov fov(double grow, double[] focal, double[] greenCenter, int width, int height) {
        double fx = focal[0];
        double fy = focal[1] * height / width;
        double extentX = 1.0 + grow;
        double extentY = (1.0 + grow) * height / width;
        return Fov.fromTangents((-extentX - greenCenter[0]) / fx, (extentX - greenCenter[0]) / fx,
                (extentY + greenCenter[1]) / fy, (-extentY + greenCenter[1]) / fy);
    }
}
