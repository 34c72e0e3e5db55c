package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;

/**
 * CPU twin of shaders/pack.comp: builds the net's 14-channel input (15 with the upscale ratio) at low resolution from
 * one eye's G-buffer, its parameters and the previous output (README, "Pack", defines every channel). Pure: the result
 * depends only on the arguments.
 */
public final class PackOp {
    /** Channels every spec has ({@code NetSpec.INPUTS}). */
    public static final int CHANNELS = 14;
    /** Channels with the optional {@code upscale} input. */
    public static final int CHANNELS_WITH_UPSCALE = CHANNELS + 1;

    private PackOp() {
    }

    /**
     * @param history the previous output at output resolution (linear RGBA), or null when history is not valid
     *                (reset, first frame, size change)
     * @param channels {@link #CHANNELS}, or {@link #CHANNELS_WITH_UPSCALE} for a spec with the upscale input
     */
    public static ImageData apply(GBufferData g, ImageData history, EyeParams p, float motionSoftsign, int channels) {
        if (channels != CHANNELS && channels != CHANNELS_WITH_UPSCALE) {
            throw new IllegalArgumentException("pack writes " + CHANNELS + " or " + CHANNELS_WITH_UPSCALE
                    + " channels, not " + channels);
        }
        int w = g.width();
        int h = g.height();
        ImageData out = ImageData.zeros(w, h, channels);
        float sx = (float) p.outWidth() / w;
        float sy = (float) p.outHeight() / h;
        float upscale = upscale(sx, sy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, c, ToneMap.forward(g.colour().get(x, y, c)));
                }
                out.set(x, y, 3, g.depth().get(x, y, 0));
                float mx = g.motion().get(x, y, 0);
                float my = g.motion().get(x, y, 1);
                out.set(x, y, 4, mx / (motionSoftsign + Math.abs(mx)));
                out.set(x, y, 5, my / (motionSoftsign + Math.abs(my)));
                out.set(x, y, 6, ((x + 0.5f) / w - p.lensCentreU()) * p.lensScaleX());
                out.set(x, y, 7, ((y + 0.5f) / h - p.lensCentreV()) * p.lensScaleY());
                out.set(x, y, 8, g.jitterX());
                out.set(x, y, 9, g.jitterY());
                // Where this pixel's surface was last frame, in output pixels (motion is current → previous).
                float qx = (x + 0.5f + mx) * sx;
                float qy = (y + 0.5f + my) * sy;
                boolean valid = history != null && qx >= 0f && qx <= p.outWidth() && qy >= 0f && qy <= p.outHeight();
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, 10 + c, valid ? ToneMap.forward(Bilinear.sample(history, qx, qy, c)) : 0f);
                }
                out.set(x, y, 13, valid ? 1f : 0f);
                if (channels == CHANNELS_WITH_UPSCALE) {
                    out.set(x, y, 14, upscale);
                }
            }
        }
        return out;
    }

    /**
     * The upscale input: log2 of the geometric mean of the two axes' ratios, minus 1 — 0 at 2×, −0.415 at 1.5×,
     * +0.585 at 3×, so it stays within the range of the other inputs. The arithmetic is pack.comp's, in its order.
     */
    public static float upscale(float sx, float sy) {
        return 0.5f * (float) (Math.log(sx * sy) / Math.log(2.0)) - 1f;
    }
}
