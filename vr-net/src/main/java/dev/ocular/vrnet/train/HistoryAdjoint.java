package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.reference.Bilinear;
import dev.ocular.vrnet.reference.Perceptual;

/**
 * The transposes of the two places a frame reads last frame's output (its history, linear RGBA at output size), for
 * back-propagation through time: the fuse op's reprojected read ({@code reference/FuseSample}: colour by a 6 × 6
 * Lanczos-3 filter over perceptual taps, weight bilinear) and the pack op's ({@code reference/PackOp}: channels 10–12,
 * the tone-mapped bilinear read at the pixel's previous position). Each scatters dL/d (what was read) back onto the
 * history texels it was read from, into 4 planes at output size; clamped edge texels add up, as in {@link HeadTaps}.
 * The forward arithmetic is repeated here (tap positions and weights) because the adjoint needs every tap, which the
 * forward ops fold into one sum. A mutable scratch object; one per thread.
 */
final class HistoryAdjoint {
    /** Channels 10–12 of the packed input: the tone-mapped history read (PackOp). */
    static final int PACK_HISTORY_AT = 10;

    private final float[] wx = new float[6];
    private final float[] wy = new float[6];
    private final float[] gradSum = new float[3];

    /**
     * Scatters the gradient of the fuse op's four gathered history values (perceptual YCoCg colour, then weight) read
     * at ({@code x}, {@code y}) in output pixels.
     */
    void fuseRead(ImageData history, float x, float y, float[] grad, Planes gradHistory) {
        float u = x - 0.5f;
        float v = y - 0.5f;
        int i0 = (int) Math.floor(u);
        int j0 = (int) Math.floor(v);
        float fx = u - i0;
        float fy = v - j0;
        Perceptual.lanczos3(fx, wx);
        Perceptual.lanczos3(fy, wy);
        // gathered = YCoCg(Σ w·P(texel)); the YCoCg matrix's transpose turns dL/d YCoCg into dL/d Σ w·P.
        gradSum[0] = 0.25f * grad[0] + 0.5f * grad[1] - 0.25f * grad[2];
        gradSum[1] = 0.5f * grad[0] + 0.5f * grad[2];
        gradSum[2] = 0.25f * grad[0] - 0.5f * grad[1] - 0.25f * grad[2];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                int tx = clamp(i0 - 2 + i, history.width());
                int ty = clamp(j0 - 2 + j, history.height());
                perceptualAdjoint(history, tx, ty, wx[i] * wy[j], gradHistory);
            }
        }
        bilinear(history.width(), history.height(), i0, j0, fx, fy, 3, grad[3], gradHistory);
    }

    /**
     * Adds dL/d history through the pack op's history channels, given dL/d (packed input) — the first layer's input
     * gradient — for the frame packed from {@code g} with {@code history} (the same usable history PackOp saw).
     */
    void packRead(GBufferData g, ImageData history, EyeParams p, Planes gradInput, Planes gradHistory) {
        int w = g.width();
        int h = g.height();
        float sx = (float) p.outWidth() / w;
        float sy = (float) p.outHeight() / h;
        int plane = gradInput.planeSize();
        float[] gi = gradInput.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float qx = (x + 0.5f + g.motion().get(x, y, 0)) * sx;
                float qy = (y + 0.5f + g.motion().get(x, y, 1)) * sy;
                if (!(qx >= 0f && qx <= p.outWidth() && qy >= 0f && qy <= p.outHeight())) {
                    continue;
                }
                float u = qx - 0.5f;
                float v = qy - 0.5f;
                int i0 = (int) Math.floor(u);
                int j0 = (int) Math.floor(v);
                for (int c = 0; c < 3; c++) {
                    float upstream = gi[(PACK_HISTORY_AT + c) * plane + y * w + x];
                    if (upstream == 0f) {
                        continue;
                    }
                    float read = Bilinear.sample(history, qx, qy, c);
                    // ToneMap.forward: T(c) = c / (1 + c) for c > 0, 0 below: slope 1 / (1 + c)².
                    float slope = read > 0f ? 1f / ((1f + read) * (1f + read)) : 0f;
                    bilinear(history.width(), history.height(), i0, j0, u - i0, v - j0, c, upstream * slope,
                            gradHistory);
                }
            }
        }
    }

    /** One texel's share: dL/d texel of w · P(texel), P(x) = x / (1 + a·x), a = (¼, ½, ¼) (Perceptual). */
    private void perceptualAdjoint(ImageData history, int tx, int ty, float weight, Planes gradHistory) {
        float r = history.get(tx, ty, 0);
        float g = history.get(tx, ty, 1);
        float b = history.get(tx, ty, 2);
        float k = 1f / (1f + 0.25f * r + 0.5f * g + 0.25f * b);
        float along = gradSum[0] * r + gradSum[1] * g + gradSum[2] * b;
        float[] d = gradHistory.data();
        int plane = gradHistory.planeSize();
        int at = ty * gradHistory.width() + tx;
        d[at] += weight * (k * gradSum[0] - k * k * 0.25f * along);
        d[plane + at] += weight * (k * gradSum[1] - k * k * 0.5f * along);
        d[2 * plane + at] += weight * (k * gradSum[2] - k * k * 0.25f * along);
    }

    /** The transpose of a clamped bilinear read of channel c at texel origin (i0, j0), fractions (fx, fy). */
    private static void bilinear(int width, int height, int i0, int j0, float fx, float fy, int c, float grad,
            Planes gradHistory) {
        float[] d = gradHistory.data();
        int base = c * gradHistory.planeSize();
        int x0 = clamp(i0, width);
        int x1 = clamp(i0 + 1, width);
        int y0 = clamp(j0, height);
        int y1 = clamp(j0 + 1, height);
        d[base + y0 * width + x0] += grad * (1f - fx) * (1f - fy);
        d[base + y0 * width + x1] += grad * fx * (1f - fy);
        d[base + y1 * width + x0] += grad * (1f - fx) * fy;
        d[base + y1 * width + x1] += grad * fx * fy;
    }

    private static int clamp(int v, int size) {
        return Math.min(Math.max(v, 0), size - 1);
    }
}
