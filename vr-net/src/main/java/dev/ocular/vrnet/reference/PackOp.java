package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;

/**
 * CPU twin of shaders/pack.comp: builds the net's 14-channel input at low resolution from one eye's G-buffer, its
 * parameters and the previous output (README, "Pack", defines every channel). Pure: the result depends only on the
 * arguments.
 */
public final class PackOp {
    public static final int CHANNELS = 14;

    private PackOp() {
    }

    /**
     * @param history the previous output at output resolution (linear RGBA), or null when history is not valid
     *                (reset, first frame, size change)
     */
    public static ImageData apply(GBufferData g, ImageData history, EyeParams p, float motionSoftsign) {
        int w = g.width();
        int h = g.height();
        ImageData out = ImageData.zeros(w, h, CHANNELS);
        float sx = (float) p.outWidth() / w;
        float sy = (float) p.outHeight() / h;
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
            }
        }
        return out;
    }
}
