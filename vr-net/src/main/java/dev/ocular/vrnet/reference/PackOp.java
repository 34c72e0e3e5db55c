package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.NetSpec;
import java.util.List;

/**
 * CPU twin of shaders/pack.comp: builds the net's input at low resolution from one eye's G-buffer, its parameters,
 * the previous output and the previous frame's depth: the 14 channels every spec has, then the optional ones the spec
 * lists (README, "Pack", defines every channel). Pure: the result depends only on the arguments.
 */
public final class PackOp {
    /** Channels every spec has ({@code NetSpec.INPUTS}). */
    public static final int CHANNELS = NetSpec.INPUTS.size();
    /**
     * k of the disocclusion input's softsign L / (k + |L|), L the log2 ratio of the two depths. Rigid motion moves a
     * surface's depth by a few per cent a frame at most (0.9 m/s at 90 Hz is 1 cm, 2 % at 0.5 m: L ≈ 0.03, a value of
     * 0.1), while an uncovered surface is typically tens of per cent farther or nearer (a ratio of 1.2 reads 0.5).
     */
    public static final float DISOCCLUSION_SOFTSIGN = 0.25f;
    /** Depths below this count as this (reverse-Z: the far plane at infinity is 0), so the log ratio stays finite. */
    static final float MIN_DEPTH = 1e-6f;

    private PackOp() {
    }

    /**
     * @param history       the previous output at output resolution (linear RGBA), or null when history is not valid
     *                      (reset, first frame, size change)
     * @param previousDepth the previous frame's low-resolution depth of this eye, or null (read only where history
     *                      is valid and only when its size is this frame's)
     * @param inputs        the spec's input names: {@code NetSpec.INPUTS}, then any of {@code NetSpec.OPTIONAL_INPUTS}
     *                      in their order
     */
    public static ImageData apply(GBufferData g, ImageData history, ImageData previousDepth, EyeParams p,
            float motionSoftsign, List<String> inputs) {
        if (!inputs.equals(NetSpec.inputsWith(inputs::contains))) {
            throw new IllegalArgumentException("pack writes " + NetSpec.INPUTS + " then any of "
                    + NetSpec.OPTIONAL_INPUTS + ", not " + inputs);
        }
        int upscaleAt = inputs.indexOf(NetSpec.UPSCALE);
        int disocclusionAt = inputs.indexOf(NetSpec.DISOCCLUSION);
        int w = g.width();
        int h = g.height();
        ImageData out = ImageData.zeros(w, h, inputs.size());
        float sx = (float) p.outWidth() / w;
        float sy = (float) p.outHeight() / h;
        float upscale = upscale(sx, sy);
        ImageData depths = previousDepth != null && previousDepth.width() == w && previousDepth.height() == h
                ? previousDepth : null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, c, ToneMap.forward(g.colour().get(x, y, c)));
                }
                float depth = g.depth().get(x, y, 0);
                out.set(x, y, 3, depth);
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
                if (upscaleAt >= 0) {
                    out.set(x, y, upscaleAt, upscale);
                }
                if (disocclusionAt >= 0) {
                    out.set(x, y, disocclusionAt, valid && depths != null
                            ? disocclusion(depths, x + 0.5f + mx, y + 0.5f + my, depth) : 0f);
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

    /**
     * The disocclusion input at low-resolution position (qx, qy) of the previous frame (pixel units, centres at +0.5):
     * of the four texels a bilinear lookup there would read (clamped to the edge), the one whose depth is closest to
     * {@code depth} in log ratio, L = log2(previous / depth), softsigned: 0 where some surface there last frame had
     * this depth (history can be trusted however fast the view moves), towards +1 where last frame's surface was
     * nearer (this surface has just been uncovered), towards −1 where it was farther (something moved in front).
     * Reverse-Z depth is proportional to 1/z, so L is also log2(z / z_previous). Ties keep the earlier texel, in
     * pack.comp's order.
     */
    static float disocclusion(ImageData previousDepth, float qx, float qy, float depth) {
        int x0 = (int) Math.floor(qx - 0.5f);
        int y0 = (int) Math.floor(qy - 0.5f);
        double here = Math.max(depth, MIN_DEPTH);
        float best = Float.POSITIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            float there = previousDepth.clamped(x0 + (k & 1), y0 + (k >> 1), 0);
            float l = (float) (Math.log(Math.max(there, MIN_DEPTH) / here) / Math.log(2.0));
            if (Math.abs(l) < Math.abs(best)) {
                best = l;
            }
        }
        return best / (DISOCCLUSION_SOFTSIGN + Math.abs(best));
    }
}
