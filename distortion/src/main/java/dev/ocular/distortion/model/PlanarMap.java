package dev.ocular.distortion.model;

/** A differentiable map of the plane, evaluated with its Jacobian. */
@FunctionalInterface
public interface PlanarMap {

    /**
     * Writes f(x, y) to out[0], out[1] and the Jacobian ∂f/∂(x, y) to out[2..5] as (∂fx/∂x, ∂fx/∂y, ∂fy/∂x, ∂fy/∂y).
     */
    void evaluate(double x, double y, double[] out);
}
