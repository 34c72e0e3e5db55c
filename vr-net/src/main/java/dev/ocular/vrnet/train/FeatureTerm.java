package dev.ocular.vrnet.train;

/**
 * ꟻLIP's feature detector as a loss term. ꟻLIP (Andersson et al. 2020) raises each pixel's colour error to the power
 * 1 − f, where f grows with the difference between the test's and the reference's edge and point magnitudes (first
 * and second Gaussian derivatives of linear luminance, σ = ½·0.082°·ppd). At the headset's 10.75 px/deg a colour
 * error of 0.02 becomes 0.028 at f = 0.1, so shimmer that adds edge energy where the reference has none (minified
 * brick under sideways motion) costs ꟻLIP far more than its squared error costs PSNR — and a per-pixel loss cannot see
 * it. This term is Charbonnier of the edge-magnitude difference plus Charbonnier of the point-magnitude difference,
 * summed over pixels (ꟻLIP takes the larger of the two, under a square root; the sum is its smooth stand-in).
 *
 * <p>Luminance: the tone-mapped output y is linear display light, so ꟻLIP's Y is the sRGB-primaries row of the XYZ
 * matrix applied to y. Borders are clamped, as in ꟻLIP; the kernels are built by {@link #kernels}, which the
 * compositor's ꟻLIP implementation uses too, so metric and loss cannot drift apart.
 */
public final class FeatureTerm {
    /** Y of linear sRGB primaries (ꟻLIP's exact rationals, image-engineering.de technote 958). */
    static final float[] LUMINANCE = {2613072f / 12288897f, 8788810f / 12288897f, 887015f / 12288897f};

    private final double[] gauss;
    private final double[] first;
    private final double[] second;

    FeatureTerm(double pixelsPerDegree) {
        double[][] k = kernels(pixelsPerDegree);
        gauss = k[0];
        first = k[1];
        second = k[2];
    }

    /**
     * ꟻLIP's feature kernels for a viewing condition: a normalised Gaussian of σ = ½·0.082°·ppd, radius ⌈3σ⌉, and its
     * first and second derivatives with positive and negative lobes each normalised to ±1 (so a flat image gives 0).
     *
     * @return {gauss, first derivative, second derivative}
     */
    public static double[][] kernels(double pixelsPerDegree) {
        if (!(pixelsPerDegree > 0) || Double.isInfinite(pixelsPerDegree)) {
            throw new IllegalArgumentException("pixels per degree must be positive and finite, got "
                    + pixelsPerDegree);
        }
        // 0.082°: the peak-to-trough width of the human edge detector (2 standard deviations).
        double sd = 0.5 * 0.082 * pixelsPerDegree;
        int r = (int) Math.ceil(3.0 * sd);
        int n = 2 * r + 1;
        double[] g = new double[n];
        double[] dg = new double[n];
        double[] ddg = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - r;
            g[i] = Math.exp(-x * x / (2.0 * sd * sd));
            dg[i] = -x * g[i];
            ddg[i] = (x * x / (sd * sd) - 1.0) * g[i];
            sum += g[i];
        }
        for (int i = 0; i < n; i++) {
            g[i] /= sum;
        }
        normaliseLobes(dg);
        normaliseLobes(ddg);
        return new double[][] {g, dg, ddg};
    }

    private static void normaliseLobes(double[] f) {
        double pos = 0;
        double neg = 0;
        for (double v : f) {
            if (v > 0) {
                pos += v;
            } else {
                neg -= v;
            }
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i] > 0 ? f[i] / pos : f[i] / neg;
        }
    }

    /**
     * Adds {@code gradScale} × d(term)/dy to {@code grad} and returns the term's unweighted sum over pixels.
     *
     * @param y       the output, tone-mapped (3 planes)
     * @param target  D(ref), display-referred (3 planes); decoded back to linear light here
     * @param epsilon Charbonnier ε
     */
    double accumulate(Planes y, Planes target, float epsilon, float[] grad, float gradScale) {
        int w = y.width();
        int h = y.height();
        int n = y.planeSize();
        float[] lum = new float[n];
        float[] lumRef = new float[n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                lum[i] += LUMINANCE[c] * y.data()[c * n + i];
                lumRef[i] += LUMINANCE[c] * decode(target.data()[c * n + i]);
            }
        }
        float[][] out = responses(lum, w, h);
        float[][] ref = responses(lumRef, w, h);
        float[][] g = new float[4][n];
        float eps2 = epsilon * epsilon;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int pair = 0; pair < 2; pair++) {
                float a = out[2 * pair][i];
                float b = out[2 * pair + 1][i];
                float m = (float) Math.sqrt(a * a + b * b);
                float mRef = (float) Math.hypot(ref[2 * pair][i], ref[2 * pair + 1][i]);
                float e = m - mRef;
                float ce = (float) Math.sqrt(e * e + eps2);
                sum += ce;
                // d|v|/dv = v/|v|; at |v| = 0 the subgradient 0.
                float dm = m > 0 ? e / ce / m : 0f;
                g[2 * pair][i] = dm * a;
                g[2 * pair + 1][i] = dm * b;
            }
        }
        float[] gLum = backward(g, w, h);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                grad[c * n + i] += gradScale * LUMINANCE[c] * gLum[i];
            }
        }
        return sum;
    }

    /** {∂x, ∂y, ∂xx, ∂yy} of a luminance plane: derivative along one axis, Gaussian along the other. */
    private float[][] responses(float[] lum, int w, int h) {
        float[] smooth = rows(lum, w, h, gauss);
        return new float[][] {columns(rows(lum, w, h, first), w, h, gauss), columns(smooth, w, h, first),
                columns(rows(lum, w, h, second), w, h, gauss), columns(smooth, w, h, second)};
    }

    /** The transpose of {@link #responses}: dL/dlum from dL/d{∂x, ∂y, ∂xx, ∂yy}. */
    private float[] backward(float[][] g, int w, int h) {
        float[] viaRowsFirst = rowsTransposed(columnsTransposed(g[0], w, h, gauss), w, h, first);
        float[] viaRowsSecond = rowsTransposed(columnsTransposed(g[2], w, h, gauss), w, h, second);
        float[] viaSmooth = columnsTransposed(g[1], w, h, first);
        float[] viaSmooth2 = columnsTransposed(g[3], w, h, second);
        for (int i = 0; i < viaSmooth.length; i++) {
            viaSmooth[i] += viaSmooth2[i];
        }
        float[] viaColumns = rowsTransposed(viaSmooth, w, h, gauss);
        for (int i = 0; i < viaColumns.length; i++) {
            viaColumns[i] += viaRowsFirst[i] + viaRowsSecond[i];
        }
        return viaColumns;
    }

    /** Along rows, clamped border: out(x) = Σ_j k[j]·in(clamp(x + j − r)). */
    private static float[] rows(float[] in, int w, int h, double[] k) {
        return pass(in, w, h, k, 1, w, false);
    }

    private static float[] columns(float[] in, int w, int h, double[] k) {
        return pass(in, w, h, k, w, h, false);
    }

    private static float[] rowsTransposed(float[] in, int w, int h, double[] k) {
        return pass(in, w, h, k, 1, w, true);
    }

    private static float[] columnsTransposed(float[] in, int w, int h, double[] k) {
        return pass(in, w, h, k, w, h, true);
    }

    /**
     * One separable pass along the axis whose neighbour is {@code stride} values away and which is {@code length}
     * long; {@code transposed} scatters instead of gathering (the adjoint of the clamped gather).
     */
    private static float[] pass(float[] in, int w, int h, double[] k, int stride, int length, boolean transposed) {
        int r = k.length / 2;
        float[] out = new float[w * h];
        for (int i = 0; i < in.length; i++) {
            int along = stride == 1 ? i % w : i / w;
            int base = i - along * stride;
            double acc = 0;
            for (int j = 0; j < k.length; j++) {
                int src = base + Math.min(Math.max(along + j - r, 0), length - 1) * stride;
                if (transposed) {
                    out[src] += (float) (k[j] * in[i]);
                } else {
                    acc += k[j] * in[src];
                }
            }
            if (!transposed) {
                out[i] = (float) acc;
            }
        }
        return out;
    }

    /** The inverse of {@link DisplayLoss#encode}. */
    private static float decode(float v) {
        return v <= 0.04045f ? v / 12.92f : (float) Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
