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
 * subgradient would. A mutable scratch object reused for every pixel of a frame; one per thread.
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
    // Where the head is read: the 2×2 clamped texels and the bilinear fractions (reference/Bilinear).
    private int hx0;
    private int hx1;
    private int hy0;
    private int hy1;
    private float tx;
    private float ty;
    /** The tone-mapped output y = T(rgb) per channel, what the loss sees. */
    final float[] y = new float[3];
    /** Linear RGB, as the oracle outputs it. */
    final float[] rgb = new float[3];
    float nextWeight;

    /** Evaluates output pixel (ox, oy); afterwards {@link #y}, {@link #rgb} and {@link #nextWeight} hold the result. */
    void evaluate(Planes headPlanes, GBufferData g, ImageData history, EyeParams p, FuseConstants k, int ox, int oy) {
        float px = FuseOp.lowResCentre(ox, p.outWidth(), g.width());
        float py = FuseOp.lowResCentre(oy, p.outHeight(), g.height());
        sampleHead(headPlanes, px, py);
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
     * {@link #evaluate} for the same pixel. History is detached (truncated back-propagation through time).
     */
    void backward(float[] gradY, FuseConstants k, Planes gradHead) {
        for (int i = 0; i < 6; i++) {
            System.arraycopy(head, 0, probe, 0, 6);
            probe[i] = head[i] + STEP;
            sample.resolve(probe, k);
            float up = dot(gradY);
            probe[i] = head[i] - STEP;
            sample.resolve(probe, k);
            float down = dot(gradY);
            gradHeadValues[i] = (up - down) / (2f * STEP);
        }
        scatterHead(gradHeadValues, gradHead);
    }

    /** Σ_c dL/dy_c · T(rgb_c) for the last resolve: the loss's first-order change along a probe. */
    private float dot(float[] gradY) {
        float acc = 0f;
        for (int c = 0; c < 3; c++) {
            acc += gradY[c] * ToneMap.forward(sample.rgb[c]);
        }
        return acc;
    }

    private void sampleHead(Planes planes, float x, float yy) {
        float fx = x - 0.5f;
        float fy = yy - 0.5f;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        tx = fx - x0;
        ty = fy - y0;
        int w = planes.width();
        int h = planes.height();
        hx0 = clamp(x0, w);
        hx1 = clamp(x0 + 1, w);
        hy0 = clamp(y0, h);
        hy1 = clamp(y0 + 1, h);
        float[] d = planes.data();
        for (int c = 0; c < 6; c++) {
            int base = c * w * h;
            float top = mix(d[base + hy0 * w + hx0], d[base + hy0 * w + hx1], tx);
            float bottom = mix(d[base + hy1 * w + hx0], d[base + hy1 * w + hx1], tx);
            head[c] = mix(top, bottom, ty);
        }
    }

    /** The transpose of {@link #sampleHead}: each texel gets its bilinear weight's share (clamped texels add up). */
    private void scatterHead(float[] grad, Planes gradHead) {
        int w = gradHead.width();
        int h = gradHead.height();
        float[] d = gradHead.data();
        float w00 = (1f - tx) * (1f - ty);
        float w10 = tx * (1f - ty);
        float w01 = (1f - tx) * ty;
        float w11 = tx * ty;
        for (int c = 0; c < 6; c++) {
            int base = c * w * h;
            d[base + hy0 * w + hx0] += grad[c] * w00;
            d[base + hy0 * w + hx1] += grad[c] * w10;
            d[base + hy1 * w + hx0] += grad[c] * w01;
            d[base + hy1 * w + hx1] += grad[c] * w11;
        }
    }

    private static int clamp(int v, int size) {
        return Math.min(Math.max(v, 0), size - 1);
    }

    private static float mix(float a, float b, float t) {
        return a * (1f - t) + b * t;
    }
}
