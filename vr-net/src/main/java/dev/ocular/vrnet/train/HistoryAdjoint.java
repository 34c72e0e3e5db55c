package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.reference.Bilinear;
import dev.ocular.vrnet.reference.FuseSample;
import dev.ocular.vrnet.reference.Perceptual;

/**
 * The transposes of the two places a frame reads last frame's output (its history, linear RGBA at output size), for
 * back-propagation through time: the fuse op's reprojected read ({@code reference/FuseSample}: colour by a 6 × 6
 * Lanczos-3 filter over perceptual taps, weight bilinear) and the pack op's ({@code reference/PackOp}: channels 10–12,
 * the tone-mapped bilinear read at the pixel's previous position). Each scatters dL/d (what was read) back onto the
 * history texels it was read from, into 4 planes at output size; clamped edge texels add up. The fuse read's colour
 * taps are the ones the sample's own gather used; bilinear reads go through {@link HeadTaps}, the same arithmetic as
 * reference/Bilinear. A mutable scratch object; one per thread.
 */
final class HistoryAdjoint {
    /** Channels 10–12 of the packed input: the tone-mapped history read (PackOp). */
    static final int PACK_HISTORY_AT = 10;

    private final HeadTaps taps = new HeadTaps();
    private final float[] gradSum = new float[3];

    /**
     * Scatters the gradient of the four history values {@code sample} gathered (perceptual YCoCg colour, then
     * weight; {@code FuseSample.historyValue}) from {@code history}; call only where the sample read history.
     */
    void fuseRead(ImageData history, FuseSample sample, float[] grad, Planes gradHistory) {
        // gathered = YCoCg(Σ w·P(texel)); the YCoCg matrix's transpose turns dL/d YCoCg into dL/d Σ w·P.
        gradSum[0] = 0.25f * grad[0] + 0.5f * grad[1] - 0.25f * grad[2];
        gradSum[1] = 0.5f * grad[0] + 0.5f * grad[2];
        gradSum[2] = 0.25f * grad[0] - 0.5f * grad[1] - 0.25f * grad[2];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                int tx = clamp(sample.historyTapX(i), history.width());
                int ty = clamp(sample.historyTapY(j), history.height());
                perceptualAdjoint(history, tx, ty, sample.historyTapWeight(i, j), gradHistory);
            }
        }
        taps.at(sample.historyX(), sample.historyY(), history.width(), history.height());
        taps.scatter(gradHistory, 3, grad[3]);
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
                taps.at(qx, qy, history.width(), history.height());
                for (int c = 0; c < 3; c++) {
                    float upstream = gi[(PACK_HISTORY_AT + c) * plane + y * w + x];
                    if (upstream == 0f) {
                        continue;
                    }
                    float read = Bilinear.sample(history, qx, qy, c);
                    // ToneMap.forward: T(c) = c / (1 + c) for c > 0, 0 below: slope 1 / (1 + c)².
                    float slope = read > 0f ? 1f / ((1f + read) * (1f + read)) : 0f;
                    taps.scatter(gradHistory, c, upstream * slope);
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

    private static int clamp(int v, int size) {
        return Math.min(Math.max(v, 0), size - 1);
    }
}
