package dev.ocular.vrnet;

/**
 * One eye's per-frame parameters besides its G-buffer.
 *
 * @param outWidth    output width in pixels; per axis {@code outWidth / inputWidth} is the upscale ratio
 * @param lensCentreU the lens centre (optical axis) in this eye's normalised image coordinates, u = (x + 0.5) / width
 * @param lensScaleX  lens-space coordinate per unit of u: lens_x = (u − lensCentreU) · lensScaleX (2 maps a centred
 *                    lens to [−1, 1] across the image)
 * @param reset       ignore history this frame (first frame, cut, recenter, teleport, tracking loss, preset change)
 */
public record EyeParams(int outWidth, int outHeight, float lensCentreU, float lensCentreV, float lensScaleX,
        float lensScaleY, boolean reset) {
    /** Per-axis ratios the fuse op serves: Quality 1.5 … Ultra Performance 3, native 1. */
    public static final double MIN_RATIO = 1.0;
    public static final double MAX_RATIO = 3.0;

    public EyeParams {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("eye output size must be positive, got " + outWidth + "x" + outHeight);
        }
        if (!Float.isFinite(lensCentreU) || !Float.isFinite(lensCentreV) || !Float.isFinite(lensScaleX)
                || !Float.isFinite(lensScaleY)) {
            throw new IllegalArgumentException("lens centre and scale must be finite");
        }
    }

    /** A lens centred on the image, lens coordinates spanning [−1, 1]. */
    public static EyeParams centred(int outWidth, int outHeight, boolean reset) {
        return new EyeParams(outWidth, outHeight, 0.5f, 0.5f, 2f, 2f, reset);
    }

    public EyeParams withReset(boolean newReset) {
        return new EyeParams(outWidth, outHeight, lensCentreU, lensCentreV, lensScaleX, lensScaleY, newReset);
    }

    /**
     * Refuses an input size whose per-axis ratio lies outside [1, 3]; an output one pixel beyond 3× is accepted because
     * presets round the input size to whole pixels.
     */
    public void checkRatio(int eye, int inWidth, int inHeight) {
        if (!axisOk(inWidth, outWidth) || !axisOk(inHeight, outHeight)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "eye %d: output %dx%d over input %dx%d is ratio %.3fx%.3f; supported per-axis ratios are %.1f to %.1f",
                    eye, outWidth, outHeight, inWidth, inHeight, (double) outWidth / inWidth,
                    (double) outHeight / inHeight, MIN_RATIO, MAX_RATIO));
        }
    }

    private static boolean axisOk(int in, int out) {
        return in > 0 && out >= in && out <= MAX_RATIO * in + 1;
    }
}
