package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.reference.Bilinear;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.HeadParams;
import dev.ocular.vrnet.reference.ToneMap;

/**
 * The fuse op (README §3, CPU oracle {@code reference/FuseOp}) at one output pixel, keeping every intermediate value
 * its backward pass needs, and that backward pass. The arithmetic follows FuseOp operation by operation in float32, so
 * the forward result is the oracle's bit for bit. A mutable scratch object reused for every pixel of a frame; one per
 * thread.
 */
final class FusePixel {
    private static final int MAX_SAMPLES = 9;

    // Where the head is read: the 2×2 clamped texels and the bilinear fractions (reference/Bilinear).
    private int hx0;
    private int hx1;
    private int hy0;
    private int hy1;
    private float tx;
    private float ty;
    private final float[] head = new float[6];
    private float sigmoidSigma;
    private float sigmoidAlpha;
    private float sigmoidGamma;
    private float sigma;
    private float alpha;
    private float gamma;
    // The current frame's 3×3 neighbourhood (reference/Neighbourhood).
    private int count;
    private final float[] weight = new float[MAX_SAMPLES];
    private final float[] distance2 = new float[MAX_SAMPLES];
    private final float[] tone = new float[MAX_SAMPLES * 3];
    private float weightSum;
    private float coverage;
    private final float[] current = new float[3];
    private final float[] mean = new float[3];
    private final float[] sd = new float[3];
    private final float[] weighted = new float[3];
    private final float[] sums = new float[3];
    private final float[] squares = new float[3];
    private final float[] gradHeadValues = new float[6];
    // History, clamp, blend, residual, output clamp.
    private boolean valid;
    /** −1: history clamped to the low bound, +1: to the high bound, 0: inside. */
    private final int[] clampSide = new int[3];
    private final float[] clamped = new float[3];
    private final float[] tanh = new float[3];
    private final boolean[] passes = new boolean[3];
    /** The tone-mapped output y = clamp(b + r, 0, MAX_TONEMAPPED); linear output is y / (1 − y). */
    final float[] y = new float[3];

    /** Evaluates output pixel (ox, oy); afterwards {@link #y} and {@link #coverage()} hold the result. */
    void evaluate(Planes headPlanes, GBufferData g, ImageData history, EyeParams p, FuseConstants k, int ox, int oy) {
        float sx = (float) p.outWidth() / g.width();
        float sy = (float) p.outHeight() / g.height();
        float px = (ox + 0.5f) / sx;
        float py = (oy + 0.5f) / sy;
        sampleHead(headPlanes, px, py);
        sigmoidSigma = HeadParams.sigmoid(head[0]);
        sigmoidAlpha = HeadParams.sigmoid(head[1]);
        sigmoidGamma = HeadParams.sigmoid(head[2]);
        sigma = HeadParams.sigma(head[0], k);
        alpha = HeadParams.alpha(head[1], k);
        gamma = HeadParams.gamma(head[2], k);
        gather(g, px, py);
        float qx = ox + 0.5f + Bilinear.sample(g.motion(), px, py, 0) * sx;
        float qy = oy + 0.5f + Bilinear.sample(g.motion(), px, py, 1) * sy;
        valid = history != null && qx >= 0f && qx <= p.outWidth() && qy >= 0f && qy <= p.outHeight();
        for (int c = 0; c < 3; c++) {
            float blended = current[c];
            clampSide[c] = 0;
            if (valid) {
                float h = ToneMap.forward(Bilinear.sample(history, qx, qy, c));
                float lo = mean[c] - gamma * sd[c];
                float hi = mean[c] + gamma * sd[c];
                clamped[c] = Math.min(Math.max(h, lo), hi);
                clampSide[c] = h < lo ? -1 : (h > hi ? 1 : 0);
                blended = alpha * blended + (1f - alpha) * clamped[c];
            }
            tanh[c] = (float) Math.tanh(head[3 + c]);
            float residual = k.residualScale() * tanh[c];
            float v = blended + residual;
            passes[c] = v >= 0f && v <= ToneMap.MAX_TONEMAPPED;
            y[c] = Math.min(Math.max(v, 0f), ToneMap.MAX_TONEMAPPED);
        }
    }

    float coverage() {
        return coverage;
    }

    /**
     * Adds dL/d head at the head texels this pixel read, given dL/dy for its three channels. History is detached
     * (truncated back-propagation through time) and the inputs need no gradient; output alpha is not in the loss.
     */
    void backward(float[] gradY, FuseConstants k, Planes gradHead) {
        float gradSigma = 0f;
        float gradAlpha = 0f;
        float gradGamma = 0f;
        for (int c = 0; c < 3; c++) {
            // Subgradient of the output clamp: 1 inside [0, MAX_TONEMAPPED], 0 where it clipped.
            float gv = passes[c] ? gradY[c] : 0f;
            gradHeadValues[3 + c] = gv * k.residualScale() * (1f - tanh[c] * tanh[c]);
            float gradCurrent = gv;
            if (valid) {
                gradCurrent = gv * alpha;
                gradAlpha += gv * (current[c] - clamped[c]);
                // d clamp(h, μ − γ·sd, μ + γ·sd) / dγ: −sd on the low bound, +sd on the high bound, 0 inside.
                gradGamma += gv * (1f - alpha) * clampSide[c] * sd[c];
            }
            gradSigma += gradCurrent * currentBySigma(c);
        }
        gradHeadValues[0] = gradSigma * (k.sigmaMax() - k.sigmaMin()) * sigmoidSigma * (1f - sigmoidSigma);
        gradHeadValues[1] = gradAlpha * (k.alphaMax() - k.alphaMin()) * sigmoidAlpha * (1f - sigmoidAlpha);
        gradHeadValues[2] = gradGamma * (k.gammaMax() - k.gammaMin()) * sigmoidGamma * (1f - sigmoidGamma);
        scatterHead(gradHeadValues, gradHead);
    }

    /** d current[c] / dσ = Σ_n (dw_n/dσ)(t_n − current) / Σ w, with dw_n/dσ = w_n · d_n² / σ³. */
    private float currentBySigma(int c) {
        float s3 = sigma * sigma * sigma;
        float acc = 0f;
        for (int n = 0; n < count; n++) {
            acc += weight[n] * distance2[n] / s3 * (tone[n * 3 + c] - current[c]);
        }
        return acc / weightSum;
    }

    private void sampleHead(Planes planes, float x, float y) {
        float fx = x - 0.5f;
        float fy = y - 0.5f;
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

    /** reference/Neighbourhood.gather, in its summation order. */
    private void gather(GBufferData g, float px, float py) {
        count = 0;
        weightSum = 0f;
        float coverageSum = 0f;
        java.util.Arrays.fill(weighted, 0f);
        java.util.Arrays.fill(sums, 0f);
        java.util.Arrays.fill(squares, 0f);
        int cx = Math.min((int) Math.floor(px), g.width() - 1);
        int cy = Math.min((int) Math.floor(py), g.height() - 1);
        ImageData colour = g.colour();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = cx + dx;
                int y0 = cy + dy;
                if (x < 0 || y0 < 0 || x >= g.width() || y0 >= g.height()) {
                    continue;
                }
                float ddx = px - (x + 0.5f + g.jitterX());
                float ddy = py - (y0 + 0.5f + g.jitterY());
                float d2 = ddx * ddx + ddy * ddy;
                float w = (float) Math.exp(-d2 / (2f * sigma * sigma));
                for (int c = 0; c < 3; c++) {
                    float t = ToneMap.forward(colour.get(x, y0, c));
                    tone[count * 3 + c] = t;
                    weighted[c] += w * t;
                    sums[c] += t;
                    squares[c] += t * t;
                }
                coverageSum += w * colour.get(x, y0, 3);
                weightSum += w;
                weight[count] = w;
                distance2[count] = d2;
                count++;
            }
        }
        for (int c = 0; c < 3; c++) {
            current[c] = weighted[c] / weightSum;
            mean[c] = sums[c] / count;
            float variance = squares[c] / count - mean[c] * mean[c];
            sd[c] = (float) Math.sqrt(Math.max(variance, 0f) + FuseOp.VARIANCE_EPSILON);
        }
        coverage = coverageSum / weightSum;
    }

    private static int clamp(int v, int size) {
        return Math.min(Math.max(v, 0), size - 1);
    }

    private static float mix(float a, float b, float t) {
        return a * (1f - t) + b * t;
    }
}
