package dev.ocular.distortion.model;

/**
 * The radial part of a lens: maps a normalised panel radius r to a normalised render radius g(r), with g(0) = 0.
 * A usable lens has g'(r) > 0 over the radii it shows; where g' reaches zero the image folds over.
 */
public interface RadialFunction {

    /** g(r) for r ≥ 0. */
    double value(double r);

    /** dg/dr for r ≥ 0. */
    double derivative(double r);

    /**
     * Writes g(r) to out[0] and g'(r) to out[1]. Newton needs both at every step; implementations whose value and
     * slope share work (a spline segment lookup) override this.
     */
    default void evaluate(double r, double[] out) {
        out[0] = value(r);
        out[1] = derivative(r);
    }
}
