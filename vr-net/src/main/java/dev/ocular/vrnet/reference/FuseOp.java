package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;

/**
 * CPU twin of shaders/fuse.comp: reconstructs one eye at output resolution from the head's per-pixel parameters, the
 * current low-resolution colour and the reprojected history (README, "Reconstruct / fuse", gives every formula).
 * Pure. Output: linear RGBA, alpha = the reconstructed coverage of the current frame.
 */
public final class FuseOp {
    /** Added to the neighbourhood variance before its square root so the clamp's gradient stays finite. */
    public static final float VARIANCE_EPSILON = 1e-6f;

    private FuseOp() {
    }

    /**
     * @param head    the head's raw outputs at low resolution (6 channels: sigma, alpha, gamma, residual rgb)
     * @param history the previous output (linear RGBA at output resolution) or null when history is not valid
     */
    public static ImageData apply(ImageData head, GBufferData g, ImageData history, EyeParams p, FuseConstants k) {
        if (head.width() != g.width() || head.height() != g.height() || head.channels() != 6) {
            throw new IllegalArgumentException("head " + head.width() + "x" + head.height() + "x" + head.channels()
                    + " does not match G-buffer " + g.width() + "x" + g.height() + "x6");
        }
        ImageData out = ImageData.zeros(p.outWidth(), p.outHeight(), 4);
        float[] rgba = new float[4];
        for (int y = 0; y < p.outHeight(); y++) {
            for (int x = 0; x < p.outWidth(); x++) {
                pixel(head, g, history, p, k, x, y, rgba);
                for (int c = 0; c < 4; c++) {
                    out.set(x, y, c, rgba[c]);
                }
            }
        }
        return out;
    }

    private static void pixel(ImageData head, GBufferData g, ImageData history, EyeParams p, FuseConstants k,
            int ox, int oy, float[] result) {
        float sx = (float) p.outWidth() / g.width();
        float sy = (float) p.outHeight() / g.height();
        // The output pixel's centre in low-resolution pixel units.
        float px = (ox + 0.5f) / sx;
        float py = (oy + 0.5f) / sy;
        float sigma = HeadParams.sigma(Bilinear.sample(head, px, py, 0), k);
        float alpha = HeadParams.alpha(Bilinear.sample(head, px, py, 1), k);
        float gamma = HeadParams.gamma(Bilinear.sample(head, px, py, 2), k);

        Neighbourhood n = Neighbourhood.gather(g, px, py, sigma);
        float[] blended = n.current();
        float qx = ox + 0.5f + Bilinear.sample(g.motion(), px, py, 0) * sx;
        float qy = oy + 0.5f + Bilinear.sample(g.motion(), px, py, 1) * sy;
        boolean valid = history != null && qx >= 0f && qx <= p.outWidth() && qy >= 0f && qy <= p.outHeight();
        for (int c = 0; c < 3; c++) {
            if (valid) {
                float mean = n.mean(c);
                float sd = (float) Math.sqrt(Math.max(n.variance(c), 0f) + VARIANCE_EPSILON);
                float h = ToneMap.forward(Bilinear.sample(history, qx, qy, c));
                float clamped = Math.min(Math.max(h, mean - gamma * sd), mean + gamma * sd);
                blended[c] = alpha * blended[c] + (1f - alpha) * clamped;
            }
            float residual = HeadParams.residual(Bilinear.sample(head, px, py, 3 + c), k);
            float y = Math.min(Math.max(blended[c] + residual, 0f), ToneMap.MAX_TONEMAPPED);
            result[c] = ToneMap.inverse(y);
        }
        result[3] = n.coverage();
    }
}
