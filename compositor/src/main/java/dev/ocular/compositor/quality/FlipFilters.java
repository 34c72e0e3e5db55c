package dev.ocular.compositor.quality;

import dev.ocular.vrnet.train.FeatureTerm;

/**
 * ꟻLIP's separable filters for a given pixels-per-degree (Andersson et al. 2020, §3; separable forms from the
 * NVlabs/flip reference: cpp/FLIP.h {@code setSpatialFilters} and {@code setFeatureFilter}, and
 * misc/separatedConvolutions.pdf).
 *
 * <p>The contrast-sensitivity filters are sums of Gaussians in visual degrees, g(x) = a·√(π/b)·exp(−π²x²/b), with
 * (a1, b1, a2, b2) = (1, 0.0047, 0, 1e-5) for the achromatic channel, (1, 0.0053, 0, 1e-5) for red-green and
 * (34.1, 0.04, 13.5, 0.025) for blue-yellow, all evaluated over one radius set by the widest one. The blue-yellow
 * filter is a sum of two 2-D Gaussians, so it is split into two separable parts (each 1-D part the square root of the
 * 2-D weight) whose results are added.
 *
 * <p>The feature detectors are the first and second derivatives of a Gaussian with σ = ½·0.082°·ppd, the positive
 * and negative weights each normalised to sum to ±1; vr-net's {@link FeatureTerm} builds them, for its training loss
 * and for this metric.
 */
record FlipFilters(int spatialRadius, double[] achromatic, double[] redGreen, double[] blueYellow1,
        double[] blueYellow2, int featureRadius, double[] gauss, double[] firstDerivative,
        double[] secondDerivative) {

    static final double A1_A = 1.0;
    static final double B1_A = 0.0047;
    static final double A1_RG = 1.0;
    static final double B1_RG = 0.0053;
    static final double A1_BY = 34.1;
    static final double B1_BY = 0.04;
    static final double A2_BY = 13.5;
    static final double B2_BY = 0.025;

    static FlipFilters forPpd(double ppd) {
        if (!(ppd > 0) || Double.isInfinite(ppd)) {
            throw new IllegalArgumentException("pixels per degree must be positive and finite, got " + ppd);
        }
        double maxB = Math.max(Math.max(B1_A, B1_RG), Math.max(B1_BY, B2_BY));
        int r = (int) Math.ceil(3.0 * Math.sqrt(maxB / (2.0 * Math.PI * Math.PI)) * ppd);
        int n = 2 * r + 1;
        double[] a = new double[n];
        double[] rg = new double[n];
        double[] by1 = new double[n];
        double[] by2 = new double[n];
        for (int i = 0; i < n; i++) {
            double deg = (i - r) / ppd;
            double x2 = deg * deg;
            a[i] = gaussian(x2, A1_A, B1_A);
            rg[i] = gaussian(x2, A1_RG, B1_RG);
            by1[i] = Math.sqrt(A1_BY * Math.sqrt(Math.PI / B1_BY)) * Math.exp(-Math.PI * Math.PI * x2 / B1_BY);
            by2[i] = Math.sqrt(A2_BY * Math.sqrt(Math.PI / B2_BY)) * Math.exp(-Math.PI * Math.PI * x2 / B2_BY);
        }
        scale(a, 1.0 / sum(a));
        scale(rg, 1.0 / sum(rg));
        // The 2-D blue-yellow weight sums to S1² + S2²; scaling both 1-D parts by 1/√(S1² + S2²) normalises it.
        double byNorm = 1.0 / Math.hypot(sum(by1), sum(by2));
        scale(by1, byNorm);
        scale(by2, byNorm);
        return withFeatures(ppd, r, a, rg, by1, by2);
    }

    private static FlipFilters withFeatures(double ppd, int r, double[] a, double[] rg, double[] by1, double[] by2) {
        // One construction for the metric and vr-net's training loss, so the two cannot drift apart.
        double[][] k = FeatureTerm.kernels(ppd);
        return new FlipFilters(r, a, rg, by1, by2, k[0].length / 2, k[0], k[1], k[2]);
    }

    private static double gaussian(double x2, double a, double b) {
        return a * Math.sqrt(Math.PI / b) * Math.exp(-Math.PI * Math.PI * x2 / b);
    }

    private static double sum(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v;
        }
        return s;
    }

    private static void scale(double[] f, double k) {
        for (int i = 0; i < f.length; i++) {
            f[i] *= k;
        }
    }
}
