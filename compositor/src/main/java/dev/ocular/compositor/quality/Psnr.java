package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * Peak signal-to-noise ratio, PSNR = 10 · log10(range² / MSE), with the mean squared error over every channel of the
 * pixels in a mask. ocular reports it on display-referred values ({@link DisplayReferred}, range 1.0): on the three
 * sRGB channels ("psnr", as most rendering papers do) and on BT.601 luma Y' (as super-resolution papers do — they use
 * studio-range Y; ours is full range [0, 1]).
 *
 * <p>Identical images have MSE 0 and an infinite PSNR; it is capped at {@value #CAP_DB} dB (MSE 1e-10 at range 1) so
 * averages over frames and JSON stay finite. The cap never hides a real difference: one fp16 step at 1.0 is ~5e-4,
 * an MSE of ~2e-7, i.e. ~67 dB.
 */
public final class Psnr {
    public static final double CAP_DB = 100.0;

    private Psnr() {
    }

    /** PSNR from a mean squared error, capped at {@link #CAP_DB}; NaN stays NaN. */
    public static double fromMse(double mse, double range) {
        if (Double.isNaN(mse)) {
            return Double.NaN;
        }
        double db = 10.0 * Math.log10(range * range / mse);
        return Math.min(db, CAP_DB);
    }

    /** Mean squared error over all channels of the pixels in {@code mask}; NaN for an empty mask. */
    public static double mse(ImageData reference, ImageData test, PixelMask mask) {
        requireSameShape(reference, test);
        mask.requireSize(reference.width(), reference.height());
        int c = reference.channels();
        float[] a = reference.data();
        float[] b = test.data();
        double sum = 0;
        long n = 0;
        for (int p = 0; p < reference.width() * reference.height(); p++) {
            if (!mask.inside()[p]) {
                continue;
            }
            for (int k = 0; k < c; k++) {
                double d = (double) a[p * c + k] - b[p * c + k];
                sum += d * d;
            }
            n += c;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** PSNR of {@code test} against {@code reference} (same shape) over the pixels in {@code mask}. */
    public static double of(ImageData reference, ImageData test, double range, PixelMask mask) {
        return fromMse(mse(reference, test, mask), range);
    }

    static void requireSameShape(ImageData a, ImageData b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException("images differ in shape: " + a.width() + "x" + a.height() + "x"
                    + a.channels() + " vs " + b.width() + "x" + b.height() + "x" + b.channels());
        }
    }
}
