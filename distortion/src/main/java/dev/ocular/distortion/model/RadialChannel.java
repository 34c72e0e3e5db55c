package dev.ocular.distortion.model;

/**
 * One colour channel of a radially symmetric lens, in the form shared by the Panotools, inverse-polynomial, spline and
 * radial Brown–Conrady models:
 *
 * <pre>
 *   q = ((x − centerX) / unitX, (centerY − y) / unitY)          panel pixels → normalised, y up
 *   r = |q|
 *   render = (offsetX, offsetY) + q · g(r)/r · (outScaleX, outScaleY)
 * </pre>
 *
 * @param centerX lens centre x in eye-local panel pixels
 * @param centerY lens centre y in eye-local panel pixels (y down)
 * @param unitX panel pixels per normalised unit along x
 * @param unitY panel pixels per normalised unit along y
 * @param radial g
 * @param outScaleX render tangent per normalised output unit along x
 * @param outScaleY render tangent per normalised output unit along y
 * @param offsetX render-space offset added after scaling (per-channel centre shifts of Valve files; 0 otherwise)
 * @param offsetY render-space offset along y (y up)
 */
public record RadialChannel(double centerX, double centerY, double unitX, double unitY, RadialFunction radial,
                            double outScaleX, double outScaleY, double offsetX, double offsetY) {

    public RadialChannel {
        requireFinite("centerX", centerX);
        requireFinite("centerY", centerY);
        requirePositive("unitX", unitX);
        requirePositive("unitY", unitY);
        requirePositive("outScaleX", outScaleX);
        requirePositive("outScaleY", outScaleY);
        requireFinite("offsetX", offsetX);
        requireFinite("offsetY", offsetY);
    }

    /** A channel without a render-space offset. */
    public static RadialChannel centred(double centerX, double centerY, double unitX, double unitY,
                                        RadialFunction radial, double outScaleX, double outScaleY) {
        return new RadialChannel(centerX, centerY, unitX, unitY, radial, outScaleX, outScaleY, 0.0, 0.0);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
