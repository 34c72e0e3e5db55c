package dev.ocular.distortion.model;

/**
 * g(r) = r · S(r² / span) · (1 + a0 + a1·r²): the Oculus-mobile lens model, a Catmull-Rom spline S through knots evenly
 * spaced in r² from 0 to {@code span}, times a per-channel chromatic factor. Follows the spline of the Oculus
 * asynchronous-timewarp sample as kept in ILLIXR ({@code hmd.cpp EvaluateCatmullRomSpline}): one-sided tangents at the
 * first and last interior segments and a straight continuation past the last knot.
 */
public final class CatmullRomRadial implements RadialFunction {
    private final double[] knots;
    private final double span;
    private final double chroma0;
    private final double chroma1;

    /**
     * @param knots spline values at r² = span·i/(n−1), at least three
     * @param span r² covered by the knots
     * @param chroma0 constant chromatic term a0 (0 for the reference channel)
     * @param chroma1 r² chromatic term a1
     */
    public CatmullRomRadial(double[] knots, double span, double chroma0, double chroma1) {
        if (knots.length < 3) {
            throw new IllegalArgumentException("a Catmull-Rom spline needs at least three knots, got " + knots.length);
        }
        if (!(span > 0.0)) {
            throw new IllegalArgumentException("knot span must be positive, got " + span);
        }
        this.knots = knots.clone();
        this.span = span;
        this.chroma0 = chroma0;
        this.chroma1 = chroma1;
    }

    /** Spline values at r² = span·i/(n−1) (a copy). */
    public double[] knots() {
        return knots.clone();
    }

    /** The r² the knots cover. */
    public double span() {
        return span;
    }

    public double chroma0() {
        return chroma0;
    }

    public double chroma1() {
        return chroma1;
    }

    @Override
    public double value(double r) {
        double[] out = new double[2];
        evaluate(r, out);
        return out[0];
    }

    @Override
    public double derivative(double r) {
        double[] out = new double[2];
        evaluate(r, out);
        return out[1];
    }

    @Override
    public void evaluate(double r, double[] out) {
        double r2 = r * r;
        spline(r2 / span, out);
        double s = out[0];
        double ds = out[1] * 2.0 * r / span;
        double c = 1.0 + chroma0 + chroma1 * r2;
        double dc = 2.0 * chroma1 * r;
        out[0] = r * s * c;
        out[1] = s * c + r * (ds * c + s * dc);
    }

    /** Writes S(v) to out[0] and dS/dv to out[1]. */
    private void spline(double v, double[] out) {
        int n = knots.length;
        double scaled = (n - 1) * v;
        int k = (int) Math.max(0.0, Math.min(n - 1, Math.floor(scaled)));
        double t = scaled - k;
        double p0;
        double m0;
        double p1;
        double m1;
        if (k == n - 1) {
            // Past the last knot: continue along the last chord (Hermite with equal tangents is a straight line).
            p0 = knots[n - 1];
            m0 = knots[n - 1] - knots[n - 2];
            p1 = p0 + m0;
            m1 = m0;
        } else {
            p0 = knots[k];
            p1 = knots[k + 1];
            m0 = k == 0 ? knots[1] - knots[0] : 0.5 * (knots[k + 1] - knots[k - 1]);
            m1 = k == n - 2 ? knots[k + 1] - knots[k] : 0.5 * (knots[k + 2] - knots[k]);
        }
        double omt = 1.0 - t;
        out[0] = (p0 * (1.0 + 2.0 * t) + m0 * t) * omt * omt + (p1 * (1.0 + 2.0 * omt) - m1 * omt) * t * t;
        double dh00 = 6.0 * t * t - 6.0 * t;
        double dh10 = 3.0 * t * t - 4.0 * t + 1.0;
        double dh11 = 3.0 * t * t - 2.0 * t;
        out[1] = (n - 1) * (p0 * dh00 + m0 * dh10 - p1 * dh00 + m1 * dh11);
    }
}
