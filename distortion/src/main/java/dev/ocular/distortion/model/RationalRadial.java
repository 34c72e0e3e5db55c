package dev.ocular.distortion.model;

/**
 * g(r) = r / (1 + c0·r² + c1·r⁴ + c2·r⁶): Valve's {@code DISTORT_DPOLY3}, the "inverse polynomial" of Vive and Index
 * per-unit calibration files (Valve's HMD JSON documentation; Monado {@code u_compute_distortion_vive} computes the
 * same factor as {@code 1 / (1 + k1 r² + k2 r⁴ + k3 r⁶)}). The denominator can reach zero; past that pole the mapping
 * is meaningless, which is why such files carry an {@code undistort_r2_cutoff}.
 */
public final class RationalRadial implements RadialFunction {
    private final double c0;
    private final double c1;
    private final double c2;

    public RationalRadial(double c0, double c1, double c2) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
    }

    public double c0() {
        return c0;
    }

    public double c1() {
        return c1;
    }

    public double c2() {
        return c2;
    }

    @Override
    public double value(double r) {
        double r2 = r * r;
        return r / denominator(r2);
    }

    @Override
    public double derivative(double r) {
        double r2 = r * r;
        double den = denominator(r2);
        double dDen = r * (2.0 * c0 + r2 * (4.0 * c1 + 6.0 * c2 * r2));
        return (den - r * dDen) / (den * den);
    }

    private double denominator(double r2) {
        return 1.0 + r2 * (c0 + r2 * (c1 + r2 * c2));
    }
}
