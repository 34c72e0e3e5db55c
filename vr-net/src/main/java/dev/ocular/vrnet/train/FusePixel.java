package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.FuseSample;
import dev.ocular.vrnet.reference.ToneMap;

/**
 * The fuse op (README §3, CPU oracle {@code reference/FuseOp}) at one output pixel, and its gradient with respect to
 * the six head values. The forward pass is the oracle's own {@link FuseSample}, so it matches bit for bit. The
 * backward pass differentiates the resolve numerically: the head enters only through six per-pixel scalars, each
 * resolve of an already gathered pixel costs ~100 flops, and twelve of them (central differences) stay cheap next to
 * the ~27,000 flops per low-resolution pixel of the convolutions' backward pass — while the resolve's clip, caps and
 * fill-in make a hand-derived gradient long and easy to get wrong. The differences straddle kinks the way a
 * subgradient would. History values are differentiated the same way (back-propagation through time). A mutable
 * scratch object reused for every pixel of a frame; one per thread.
 */
final class FusePixel {
    /**
     * Central-difference step on the raw head values. Small because the Gaussian weights are steep in σ (at σ = 0.35
     * output px a sample 3 px away has exponent −37, which moves by 0.5 per 0.01 of h0); large enough that float32
     * rounding of the output (~1e-7 relative) stays 1e-4 of the slope.
     */
    static final float STEP = 1e-3f;

    private final FuseSample sample = new FuseSample();
    private final float[] head = new float[6];
    private final float[] probe = new float[6];
    private final float[] gradHeadValues = new float[6];
    private final HeadTaps taps = new HeadTaps();
    private final HistoryAdjoint adjoint = new HistoryAdjoint();
    private final float[] gradGathered = new float[4];
    /** The tone-mapped output y = T(rgb) per channel, what the loss sees. */
    final float[] y = new float[3];
    /** Linear RGB, as the oracle outputs it. */
    final float[] rgb = new float[3];
    float nextWeight;

    /** Evaluates output pixel (ox, oy); afterwards {@link #y}, {@link #rgb} and {@link #nextWeight} hold the result. */
    void evaluate(Planes headPlanes, GBufferData g, ImageData history, EyeParams p, FuseConstants k, int ox, int oy) {
        float px = FuseOp.lowResCentre(ox, p.outWidth(), g.width());
        float py = FuseOp.lowResCentre(oy, p.outHeight(), g.height());
        taps.at(px, py, headPlanes.width(), headPlanes.height());
        for (int c = 0; c < 6; c++) {
            head[c] = taps.read(headPlanes, c);
        }
        sample.gather(g, history, p.outWidth(), p.outHeight(), ox, oy);
        sample.resolve(head, k);
        for (int c = 0; c < 3; c++) {
            rgb[c] = sample.rgb[c];
            y[c] = ToneMap.forward(sample.rgb[c]);
        }
        nextWeight = sample.nextWeight;
    }

    /**
     * Adds dL/d head at the head texels this pixel read, given dL/dy for its three channels; call right after
     * {@link #evaluate} for the same pixel.
     *
     * @param history     the history {@link #evaluate} read, or null to leave history detached
     * @param gradHistory receives dL/d history (added to; 4 planes at its size) when {@code history} is not null
     */
    void backward(float[] gradY, FuseConstants k, Planes gradHead, ImageData history, Planes gradHistory) {
        headGradient(gradY, null, 0f, k, gradHead);
        if (history == null || !sample.historyValid()) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            float kept = sample.historyValue(i);
            sample.setHistoryValue(i, kept + STEP);
            sample.resolve(head, k);
            float up = probe(gradY, null, 0f);
            sample.setHistoryValue(i, kept - STEP);
            sample.resolve(head, k);
            float down = probe(gradY, null, 0f);
            sample.setHistoryValue(i, kept);
            gradGathered[i] = (up - down) / (2f * STEP);
        }
        adjoint.fuseRead(history, sample, gradGathered, gradHistory);
    }

    /**
     * Adds dL/d head given dL/d of what this pixel leaves as the next frame's history (linear RGB and the
     * accumulated weight; the fp16 rounding of the stored texel passes the gradient unchanged): the path a later
     * frame's loss takes back into this frame. Call right after {@link #evaluate} for the same pixel.
     */
    void backwardThroughOutput(float[] gradRgb, float gradWeight, FuseConstants k, Planes gradHead) {
        headGradient(null, gradRgb, gradWeight, k, gradHead);
    }

    private void headGradient(float[] gradY, float[] gradRgb, float gradWeight, FuseConstants k, Planes gradHead) {
        for (int i = 0; i < 6; i++) {
            System.arraycopy(head, 0, probe, 0, 6);
            probe[i] = head[i] + STEP;
            sample.resolve(probe, k);
            float up = probe(gradY, gradRgb, gradWeight);
            probe[i] = head[i] - STEP;
            sample.resolve(probe, k);
            float down = probe(gradY, gradRgb, gradWeight);
            gradHeadValues[i] = (up - down) / (2f * STEP);
        }
        for (int c = 0; c < 6; c++) {
            taps.scatter(gradHead, c, gradHeadValues[c]);
        }
    }

    /**
     * The loss's first-order change along a probe for the last resolve: Σ_c dL/dy_c · T(rgb_c) (the displayed
     * output), plus Σ_c dL/d rgb_c · rgb_c + dL/dw · nextWeight (the history left behind); null gradients skip a term.
     */
    private float probe(float[] gradY, float[] gradRgb, float gradWeight) {
        float acc = 0f;
        for (int c = 0; c < 3; c++) {
            if (gradY != null) {
                acc += gradY[c] * ToneMap.forward(sample.rgb[c]);
            }
            if (gradRgb != null) {
                acc += gradRgb[c] * sample.rgb[c];
            }
        }
        return acc + gradWeight * sample.nextWeight;
    }
}
