package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * The one display transform every metric uses, so numbers are comparable across methods and with papers. ocular's
 * frames are linear scene-referred HDR (docs/conventions.md); metrics are computed on what a viewer would see:
 * per-channel Reinhard x / (1 + x) (the same operator as ocular's {@code *.preview.png}), then the sRGB transfer
 * function (IEC 61966-2-1), giving values in [0, 1] — data range 1.0 for PSNR and SSIM, and exactly the
 * display-referred sRGB input LDR-ꟻLIP expects.
 *
 * <p>Non-finite colours are not hidden: NaN stays NaN (so a metric over it is NaN), +∞ shows as full white.
 */
public final class DisplayReferred {
    /** BT.601 luma weights on gamma-encoded RGB (ITU-R BT.601-7, Y' = 0.299 R' + 0.587 G' + 0.114 B'). */
    public static final double LUMA_R = 0.299;
    public static final double LUMA_G = 0.587;
    public static final double LUMA_B = 0.114;

    private DisplayReferred() {
    }

    /** Reinhard then sRGB encode, per channel. */
    public static float encode(float linear) {
        if (linear == Float.POSITIVE_INFINITY) {
            return 1f;
        }
        if (Float.isNaN(linear)) {
            return Float.NaN;
        }
        double x = Math.max(0.0, linear);
        double mapped = x / (1.0 + x);
        double srgb = mapped <= 0.0031308 ? 12.92 * mapped : 1.055 * Math.pow(mapped, 1.0 / 2.4) - 0.055;
        return (float) srgb;
    }

    /** Linear HDR (≥ 3 channels; alpha and beyond ignored) → 3-channel display-referred sRGB in [0, 1]. */
    public static ImageData rgb(ImageData linear) {
        if (linear.channels() < 3) {
            throw new IllegalArgumentException("colour needs at least 3 channels, got " + linear.channels());
        }
        int n = linear.width() * linear.height();
        float[] out = new float[n * 3];
        float[] in = linear.data();
        int c = linear.channels();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                out[i * 3 + k] = encode(in[i * c + k]);
            }
        }
        return new ImageData(linear.width(), linear.height(), 3, out);
    }

    /** BT.601 luma Y' of a display-referred RGB image: one channel in [0, 1]. */
    public static ImageData luma(ImageData displayRgb) {
        if (displayRgb.channels() != 3) {
            throw new IllegalArgumentException("luma wants display RGB (3 channels), got " + displayRgb.channels());
        }
        int n = displayRgb.width() * displayRgb.height();
        float[] in = displayRgb.data();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (LUMA_R * in[i * 3] + LUMA_G * in[i * 3 + 1] + LUMA_B * in[i * 3 + 2]);
        }
        return new ImageData(displayRgb.width(), displayRgb.height(), 1, out);
    }
}
