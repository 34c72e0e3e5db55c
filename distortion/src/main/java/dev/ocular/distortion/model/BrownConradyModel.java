package dev.ocular.distortion.model;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import org.joml.Vector2d;

/**
 * Brown–Conrady distortion with tangential terms, in OpenCV's convention (normalised y pointing down, as in
 * {@code cv::undistortPoints}' forward model):
 *
 * <pre>
 *   x = (px − cx)/fx,  y = (py − cy)/fy,  r² = x² + y²,  R = 1 + k1 r² + k2 r⁴ + k3 r⁶
 *   xd = x R + 2 p1 x y + p2 (r² + 2x²)
 *   yd = y R + p1 (r² + 2y²) + 2 p2 x y
 *   render = chroma_c · (xd, −yd)
 * </pre>
 *
 * The panel → render direction and the radial part follow Cardboard ({@code polynomial_radial_distortion.cc} maps a
 * panel tan-angle to the render tan-angle; Monado {@code u_compute_distortion_cardboard} does the same per vertex). The
 * tangential terms break radial symmetry, so the inverse is two-dimensional: Newton from the radial-only inverse, then
 * the bracketing fallback of {@link PlanarInverse}. Profiles without tangential terms use {@link RadialLensModel}.
 */
public final class BrownConradyModel implements LensModel {
    private static final double STEP_TOLERANCE_PX = 1e-10;

    private final double cx;
    private final double cy;
    private final double fx;
    private final double fy;
    private final double k1;
    private final double k2;
    private final double k3;
    private final double p1;
    private final double p2;
    private final double[] chroma;
    private final RadialInverse[] radialGuess;
    private final double[] searchBox;
    private final PlanarInverse solver = new PlanarInverse(STEP_TOLERANCE_PX);

    /**
     * @param k radial coefficients k1..k3 (one to three)
     * @param chroma per-channel scale, red, green, blue
     */
    public BrownConradyModel(double cx, double cy, double fx, double fy, double[] k, double p1, double p2,
                             double[] chroma, int eyeWidthPx, int eyeHeightPx) {
        if (k.length < 1 || k.length > 3 || chroma.length != 3) {
            throw new IllegalArgumentException("need 1..3 radial coefficients and 3 chroma scales");
        }
        this.cx = cx;
        this.cy = cy;
        this.fx = fx;
        this.fy = fy;
        this.k1 = k[0];
        this.k2 = k.length > 1 ? k[1] : 0.0;
        this.k3 = k.length > 2 ? k[2] : 0.0;
        this.p1 = p1;
        this.p2 = p2;
        this.chroma = chroma.clone();
        double limit = 2.0 * Vector2d.length(Math.max(cx, eyeWidthPx - cx) / fx, Math.max(cy, eyeHeightPx - cy) / fy);
        this.radialGuess = new RadialInverse[3];
        for (int c = 0; c < 3; c++) {
            radialGuess[c] = new RadialInverse(PolynomialRadial.brownConrady(chroma[c], k), limit);
        }
        // The fallback searches the viewport and half a viewport around it.
        this.searchBox = new double[] {-0.5 * eyeWidthPx, -0.5 * eyeHeightPx, 1.5 * eyeWidthPx, 1.5 * eyeHeightPx};
    }

    @Override
    public String modelName() {
        return "radial_polynomial";
    }

    @Override
    public BrownConradyModel scaledPanel(double scaleX, double scaleY, int eyeWidthPx, int eyeHeightPx) {
        // Normalised coordinates (p − c)/f do not change when centre and focal length scale with the panel.
        return new BrownConradyModel(cx * scaleX, cy * scaleY, fx * scaleX, fy * scaleY, new double[] {k1, k2, k3},
                p1, p2, chroma, eyeWidthPx, eyeHeightPx);
    }

    @Override
    public Vector2d panelToRender(Channel channel, double panelX, double panelY, Vector2d dest) {
        double x = (panelX - cx) / fx;
        double y = (panelY - cy) / fy;
        double r2 = x * x + y * y;
        double radial = 1.0 + r2 * (k1 + r2 * (k2 + r2 * k3));
        double xd = x * radial + 2.0 * p1 * x * y + p2 * (r2 + 2.0 * x * x);
        double yd = y * radial + p1 * (r2 + 2.0 * y * y) + 2.0 * p2 * x * y;
        double c = chroma[channel.ordinal()];
        return dest.set(c * xd, -c * yd);
    }

    /** The forward map of one channel with its Jacobian, for the solvers and the fold check. */
    PlanarMap planarMap(Channel channel) {
        double c = chroma[channel.ordinal()];
        return (px, py, out) -> {
            double x = (px - cx) / fx;
            double y = (py - cy) / fy;
            double r2 = x * x + y * y;
            double radial = 1.0 + r2 * (k1 + r2 * (k2 + r2 * k3));
            double slope = k1 + r2 * (2.0 * k2 + 3.0 * r2 * k3);
            double xd = x * radial + 2.0 * p1 * x * y + p2 * (r2 + 2.0 * x * x);
            double yd = y * radial + p1 * (r2 + 2.0 * y * y) + 2.0 * p2 * x * y;
            double dxdx = radial + 2.0 * x * x * slope + 2.0 * p1 * y + 6.0 * p2 * x;
            double dxdy = 2.0 * x * y * slope + 2.0 * p1 * x + 2.0 * p2 * y;
            double dydx = 2.0 * x * y * slope + 2.0 * p1 * x + 2.0 * p2 * y;
            double dydy = radial + 2.0 * y * y * slope + 6.0 * p1 * y + 2.0 * p2 * x;
            out[0] = c * xd;
            out[1] = -c * yd;
            out[2] = c * dxdx / fx;
            out[3] = c * dxdy / fy;
            out[4] = -c * dydx / fx;
            out[5] = -c * dydy / fy;
        };
    }

    @Override
    public boolean renderToPanel(Channel channel, double renderX, double renderY, Vector2d dest) {
        return solve(channel, renderX, renderY, dest).solved();
    }

    /** As {@link #renderToPanel} but reporting how the solve ended. */
    SolveOutcome solve(Channel channel, double renderX, double renderY, Vector2d dest) {
        double s = Vector2d.length(renderX, renderY);
        double[] r = new double[1];
        double guessX = cx;
        double guessY = cy;
        if (radialGuess[channel.ordinal()].solve(s, r).solved() && s > 0.0) {
            guessX = cx + renderX / s * r[0] * fx;
            guessY = cy - renderY / s * r[0] * fy;
        }
        return solveFrom(channel, renderX, renderY, guessX, guessY, dest);
    }

    /** Solves from an explicit guess; tests use a poor guess to exercise the bracketing fallback. */
    SolveOutcome solveFrom(Channel channel, double renderX, double renderY, double guessX, double guessY,
                           Vector2d dest) {
        double[] out = new double[2];
        SolveOutcome outcome = solver.solve(planarMap(channel), renderX, renderY, guessX, guessY, searchBox, out);
        dest.set(out[0], out[1]);
        return outcome;
    }

    @Override
    public boolean inDomain(double panelX, double panelY) {
        return true;
    }

    @Override
    public Vector2d lensCenter(Channel channel, Vector2d dest) {
        return dest.set(cx, cy);
    }

    @Override
    public Optional<FoldOver> findFold(Channel channel, PanelVisibility visible) {
        return JacobianFoldScan.scan(channel, planarMap(channel), cx, cy, visible);
    }
}
