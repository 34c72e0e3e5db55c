package dev.ocular.distortion;

/**
 * An optional visible-area limit in render (tangent) space, e.g. the round aperture of a lens: directions outside the
 * ellipse are never shown. A circle is an ellipse with equal radii.
 */
public record EllipseMask(double centerX, double centerY, double radiusX, double radiusY) {

    public EllipseMask {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("mask centre must be finite");
        }
        if (!(radiusX > 0.0) || !(radiusY > 0.0) || Double.isInfinite(radiusX) || Double.isInfinite(radiusY)) {
            throw new IllegalArgumentException("mask radii must be positive and finite");
        }
    }

    public boolean contains(double renderX, double renderY) {
        double dx = (renderX - centerX) / radiusX;
        double dy = (renderY - centerY) / radiusY;
        return dx * dx + dy * dy <= 1.0;
    }
}
