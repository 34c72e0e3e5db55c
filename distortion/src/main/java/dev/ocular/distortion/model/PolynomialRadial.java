package dev.ocular.distortion.model;

import java.util.Arrays;

/**
 * g(r) = s · r · (k0 + k1·r + k2·r² + …): a radius scaled by a polynomial in r.
 *
 * <p>Covers the Panotools / OpenHMD "universal" model (OpenHMD's {a, b, c, d} are k = [d, c, b, a]; Monado's
 * {@code u_compute_distortion_panotools} uses five ascending coefficients) and the radial part of Brown–Conrady
 * (k = [1, 0, k1, 0, k2, 0, k3]). The scale s carries a per-channel chromatic-aberration factor.
 */
public final class PolynomialRadial implements RadialFunction {
    private final double scale;
    private final double[] k;

    /**
     * @param scale overall factor (chromatic-aberration scale of one channel)
     * @param k ascending coefficients of the polynomial multiplying r; at least one
     */
    public PolynomialRadial(double scale, double[] k) {
        if (k.length == 0) {
            throw new IllegalArgumentException("at least one coefficient is needed");
        }
        this.scale = scale;
        this.k = k.clone();
    }

    /** Brown–Conrady radial factor 1 + k1·r² + k2·r⁴ + k3·r⁶ (missing trailing terms are zero), times {@code scale}. */
    public static PolynomialRadial brownConrady(double scale, double[] evenK) {
        double[] k = new double[1 + 2 * evenK.length];
        k[0] = 1.0;
        for (int i = 0; i < evenK.length; i++) {
            k[2 * i + 2] = evenK[i];
        }
        return new PolynomialRadial(scale, k);
    }

    /** The overall factor s (a channel's chromatic-aberration scale). */
    public double scale() {
        return scale;
    }

    /** The ascending coefficients k0, k1, … (a copy). */
    public double[] coefficients() {
        return k.clone();
    }

    @Override
    public double value(double r) {
        double p = 0.0;
        for (int i = k.length - 1; i >= 0; i--) {
            p = p * r + k[i];
        }
        return scale * r * p;
    }

    @Override
    public double derivative(double r) {
        // d/dr Σ k_i r^(i+1) = Σ (i+1) k_i r^i
        double p = 0.0;
        for (int i = k.length - 1; i >= 0; i--) {
            p = p * r + (i + 1) * k[i];
        }
        return scale * p;
    }

    @Override
    public String toString() {
        return "PolynomialRadial[scale=" + scale + ", k=" + Arrays.toString(k) + "]";
    }
}
