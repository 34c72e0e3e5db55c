package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * LDR-ꟻLIP, the perceptual difference evaluator of Andersson, Nilsson, Akenine-Möller, Oskarsson, Åström and
 * Fairchild, "ꟻLIP: A Difference Evaluator for Alternating Images", Proc. ACM Comput. Graph. Interact. Tech. 3(2)
 * (HPG 2020), following the NVlabs/flip reference implementation (cpp/FLIP.h, v1.2+ separable filtering, edge-clamped
 * borders). Input: two display-referred sRGB images in [0, 1] ({@link DisplayReferred#rgb}); output: a per-pixel error
 * in [0, 1].
 *
 * <ol>
 * <li>Both images go to YCxCz and are filtered by the contrast-sensitivity functions of the eye at the viewing
 * condition's pixels per degree ({@link FlipFilters}), then back to linear RGB, clamped to [0, 1] (the gamut), to
 * CIELAB with the Hunt adjustment. The colour error is HyAB^qc (qc = {@value #QC}), remapped so that the first
 * pc = {@value #PC} of the maximum distance (green vs blue) covers [0, pt = {@value #PT}] and the rest (pt, 1].</li>
 * <li>Edges and points are detected on the unfiltered normalised luminance (Y + 16) / 116 with first and second
 * Gaussian derivatives; the feature error is (max(|Δedge|, |Δpoint|) / √2)^qf, qf = {@value #QF}.</li>
 * <li>ꟻLIP = colourError^(1 − featureError): features amplify colour differences.</li>
 * </ol>
 *
 * <p>Pixels per degree: the reference's default {@link #DESKTOP_PPD} is a 0.7 m wide 4K monitor at 0.7 m. For a
 * headset use the eye's real resolution, {@link #pixelsPerDegree}. Cost: a few separable passes, about a second for a
 * 1032 × 1104 eye on one core.
 */
public final class Flip {
    public static final double QC = 0.7;
    public static final double PC = 0.4;
    public static final double PT = 0.95;
    public static final double QF = 0.5;
    /** 0.7 m viewing distance × 3840 px / 0.7 m monitor width × π / 180 ≈ 67.02 (ꟻLIP's default). */
    public static final double DESKTOP_PPD = 0.7 * (3840.0 / 0.7) * (Math.PI / 180.0);

    private Flip() {
    }

    /** A headset eye's pixels per degree: output width over its horizontal field of view. */
    public static double pixelsPerDegree(int outputWidth, double horizontalFovDegrees) {
        if (outputWidth <= 0 || !(horizontalFovDegrees > 0 && horizontalFovDegrees < 360)) {
            throw new IllegalArgumentException("bad eye: " + outputWidth + " px over " + horizontalFovDegrees + "°");
        }
        return outputWidth / horizontalFovDegrees;
    }

    /** The largest colour distance ꟻLIP normalises by: Hunt-adjusted HyAB(green, blue)^qc. */
    static double maxColourDistance() {
        double[] scratch = new double[3];
        double[] green = new double[3];
        double[] blue = new double[3];
        FlipColour.linearRgbToHuntLab(0, 1, 0, scratch, green);
        FlipColour.linearRgbToHuntLab(0, 0, 1, scratch, blue);
        return Math.pow(FlipColour.hyab(green, blue), QC);
    }

    /** The ꟻLIP error map (one channel, [0, 1]) of {@code test} against {@code reference}, both display sRGB. */
    public static ImageData errorMap(ImageData reference, ImageData test, double pixelsPerDegree) {
        Psnr.requireSameShape(reference, test);
        if (reference.channels() != 3) {
            throw new IllegalArgumentException("ꟻLIP wants display RGB (3 channels), got " + reference.channels());
        }
        FlipFilters filters = FlipFilters.forPpd(pixelsPerDegree);
        int w = reference.width();
        int h = reference.height();
        float[][] ref = toYCxCz(reference);
        float[][] tst = toYCxCz(test);
        float[] colour = colourError(filter(ref, w, h, filters), filter(tst, w, h, filters));
        float[] feature = featureError(ref[0], tst[0], w, h, filters);
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.pow(colour[i], 1.0 - feature[i]);
        }
        return new ImageData(w, h, 1, out);
    }

    /** Planar Y, Cx, Cz of a display sRGB image. */
    private static float[][] toYCxCz(ImageData srgb) {
        int n = srgb.width() * srgb.height();
        float[][] planes = new float[3][n];
        double[] xyz = new double[3];
        double[] ycc = new double[3];
        float[] d = srgb.data();
        for (int i = 0; i < n; i++) {
            FlipColour.linearRgbToXyz(FlipColour.srgbToLinear(d[3 * i]), FlipColour.srgbToLinear(d[3 * i + 1]),
                    FlipColour.srgbToLinear(d[3 * i + 2]), xyz);
            FlipColour.xyzToYCxCz(xyz[0], xyz[1], xyz[2], ycc);
            planes[0][i] = (float) ycc[0];
            planes[1][i] = (float) ycc[1];
            planes[2][i] = (float) ycc[2];
        }
        return planes;
    }

    /** Contrast-sensitivity filtering of Y, Cx, Cz (the blue-yellow filter as two separable parts). */
    private static float[][] filter(float[][] ycc, int w, int h, FlipFilters f) {
        float[] y = Convolve.columns(Convolve.rows(ycc[0], w, h, f.achromatic()), w, h, f.achromatic());
        float[] cx = Convolve.columns(Convolve.rows(ycc[1], w, h, f.redGreen()), w, h, f.redGreen());
        float[] cz1 = Convolve.columns(Convolve.rows(ycc[2], w, h, f.blueYellow1()), w, h, f.blueYellow1());
        float[] cz2 = Convolve.columns(Convolve.rows(ycc[2], w, h, f.blueYellow2()), w, h, f.blueYellow2());
        for (int i = 0; i < cz1.length; i++) {
            cz1[i] += cz2[i];
        }
        return new float[][] {y, cx, cz1};
    }

    /** Per-pixel remapped colour error of two filtered YCxCz images. */
    private static float[] colourError(float[][] ref, float[][] tst) {
        double cmax = maxColourDistance();
        double pcCmax = PC * cmax;
        double[] scratch = new double[3];
        double[] rgb = new double[3];
        double[] labRef = new double[3];
        double[] labTst = new double[3];
        float[] out = new float[ref[0].length];
        for (int i = 0; i < out.length; i++) {
            toHuntLab(ref, i, scratch, rgb, labRef);
            toHuntLab(tst, i, scratch, rgb, labTst);
            double e = Math.pow(FlipColour.hyab(labRef, labTst), QC);
            out[i] = (float) (e < pcCmax ? e * PT / pcCmax : PT + (e - pcCmax) / (cmax - pcCmax) * (1.0 - PT));
        }
        return out;
    }

    private static void toHuntLab(float[][] ycc, int i, double[] scratch, double[] rgb, double[] lab) {
        FlipColour.yCxCzToXyz(ycc[0][i], ycc[1][i], ycc[2][i], scratch);
        FlipColour.xyzToLinearRgb(scratch[0], scratch[1], scratch[2], rgb);
        FlipColour.linearRgbToHuntLab(clamp01(rgb[0]), clamp01(rgb[1]), clamp01(rgb[2]), scratch, lab);
    }

    private static double clamp01(double v) {
        return Math.min(Math.max(v, 0.0), 1.0);
    }

    /** Per-pixel feature error from edge and point responses of the normalised luminance. */
    private static float[] featureError(float[] refY, float[] tstY, int w, int h, FlipFilters f) {
        float[][] ref = features(refY, w, h, f);
        float[][] tst = features(tstY, w, h, f);
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            double edge = Math.abs(ref[0][i] - tst[0][i]);
            double point = Math.abs(ref[1][i] - tst[1][i]);
            out[i] = (float) Math.pow(Math.max(edge, point) / Math.sqrt(2.0), QF);
        }
        return out;
    }

    /** Edge and point magnitudes: |(∂x, ∂y)| and |(∂xx, ∂yy)| of the Gaussian-derivative responses. */
    private static float[][] features(float[] ycxczY, int w, int h, FlipFilters f) {
        float[] y = new float[ycxczY.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (ycxczY[i] + 16f) / 116f;
        }
        float[] smooth = Convolve.rows(y, w, h, f.gauss());
        float[] dx = Convolve.columns(Convolve.rows(y, w, h, f.firstDerivative()), w, h, f.gauss());
        float[] ddx = Convolve.columns(Convolve.rows(y, w, h, f.secondDerivative()), w, h, f.gauss());
        float[] dy = Convolve.columns(smooth, w, h, f.firstDerivative());
        float[] ddy = Convolve.columns(smooth, w, h, f.secondDerivative());
        float[] edges = new float[y.length];
        float[] points = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            edges[i] = (float) Math.hypot(dx[i], dy[i]);
            points[i] = (float) Math.hypot(ddx[i], ddy[i]);
        }
        return new float[][] {edges, points};
    }
}
