package dev.ocular.vrnet.train;

import dev.ocular.vrnet.model.Activation;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.LayerSpec;

/**
 * Forward and backward pass of one vrnet convolution (README §2, CPU oracle {@code reference/ConvOp}) on planar
 * tensors: k×k (k = 1 or 3), stride 1, zero padding k/2, bias, ReLU or identity. Each kernel tap is a shifted
 * multiply-add of whole rows, clipped to the rows and columns where the shifted input lies inside the image — that
 * clipping is the zero padding. Stateless; every buffer is the caller's.
 */
public final class ConvGrad {
    private ConvGrad() {
    }

    /**
     * Output channels computed per pass over the input rows: each input value loaded feeds this many multiply-adds.
     * The accumulator rows stay in L1 whatever the image size; a pass per channel over whole planes (the obvious
     * loop) streams a 36 KB plane per tap from L2 at the 96-pixel crops the trainer uses, 1.5-2x slower here.
     */
    private static final int BLOCK = 4;

    /** out = act(conv(in) + bias). {@code out} must have the layer's output channels and {@code in}'s size. */
    public static void forward(ConvWeights w, Planes in, Planes out) {
        LayerSpec layer = w.layer();
        check(layer, in, out);
        int width = in.width();
        int pixels = in.planeSize();
        float[][] acc = new float[BLOCK][width];
        float[] taps = new float[BLOCK];
        for (int o0 = 0; o0 < layer.out(); o0 += BLOCK) {
            int block = Math.min(BLOCK, layer.out() - o0);
            for (int y = 0; y < in.height(); y++) {
                for (int b = 0; b < BLOCK; b++) {
                    java.util.Arrays.fill(acc[b], b < block ? w.bias()[o0 + b] : 0f);
                }
                // Same order of additions as ConvOp per output value: bias, then input channel, ky, kx ascending.
                for (int i = 0; i < layer.in(); i++) {
                    accumulateRow(layer, w.weight(), o0, block, i, in.data(), i * pixels, y, in.height(), width, acc,
                            taps);
                }
                for (int b = 0; b < block; b++) {
                    System.arraycopy(acc[b], 0, out.data(), (o0 + b) * pixels + y * width, width);
                }
            }
        }
        if (layer.activation() == Activation.RELU) {
            float[] dst = out.data();
            for (int j = 0; j < dst.length; j++) {
                dst[j] = Math.max(dst[j], 0f);
            }
        }
    }

    /**
     * acc[b][x] += Σ_ky Σ_kx weight[o0 + b][i][ky][kx] · in[i](x + kx − r, y + ky − r) for one output row y, the
     * taps clipped to the image (zero padding).
     */
    private static void accumulateRow(LayerSpec layer, float[] weight, int o0, int block, int i, float[] src,
            int plane, int y, int height, int width, float[][] acc, float[] taps) {
        int k = layer.kernelSize();
        int r = k / 2;
        int perOut = layer.in() * k * k;
        for (int ky = 0; ky < k; ky++) {
            int sy = y + ky - r;
            if (sy < 0 || sy >= height) {
                continue;
            }
            for (int kx = 0; kx < k; kx++) {
                int dx = kx - r;
                int tap = (i * k + ky) * k + kx;
                for (int b = 0; b < BLOCK; b++) {
                    taps[b] = b < block ? weight[(o0 + b) * perOut + tap] : 0f;
                }
                multiplyAdd(acc, src, plane + sy * width + dx, Math.max(0, -dx), Math.min(width, width - dx), taps);
            }
        }
    }

    /** acc[b][x] += taps[b] · src[offset + x] for x in [x0, x1), all BLOCK rows in one pass over src. */
    private static void multiplyAdd(float[][] acc, float[] src, int offset, int x0, int x1, float[] taps) {
        float[] a0 = acc[0];
        float[] a1 = acc[1];
        float[] a2 = acc[2];
        float[] a3 = acc[3];
        float w0 = taps[0];
        float w1 = taps[1];
        float w2 = taps[2];
        float w3 = taps[3];
        for (int x = x0; x < x1; x++) {
            float v = src[offset + x];
            a0[x] += w0 * v;
            a1[x] += w1 * v;
            a2[x] += w2 * v;
            a3[x] += w3 * v;
        }
    }

    /**
     * Accumulates the gradients of a loss L through this layer.
     *
     * @param out        the layer's forward output (post-activation), used for the ReLU mask
     * @param gradOut    dL/d out on entry; overwritten with dL/d (pre-activation)
     * @param gradIn     receives dL/d in (added to), or null when the input needs no gradient (the packed input)
     * @param gradWeight dL/d weight, [out][in][k][k], added to
     * @param gradBias   dL/d bias, added to
     */
    public static void backward(ConvWeights w, Planes in, Planes out, Planes gradOut, Planes gradIn,
            float[] gradWeight, float[] gradBias) {
        LayerSpec layer = w.layer();
        check(layer, in, out);
        if (!gradOut.sameShape(out) || (gradIn != null && !gradIn.sameShape(in))) {
            throw new IllegalArgumentException("layer " + layer.name() + ": gradient shapes do not match");
        }
        float[] g = gradOut.data();
        if (layer.activation() == Activation.RELU) {
            // ReLU's subgradient: 1 where the output is positive, 0 where it was clipped (including exactly 0).
            float[] o = out.data();
            for (int j = 0; j < g.length; j++) {
                g[j] = o[j] > 0f ? g[j] : 0f;
            }
        }
        int pixels = in.planeSize();
        for (int o = 0; o < layer.out(); o++) {
            gradBias[o] += sum(g, o * pixels, pixels);
        }
        weightGradient(layer, in, g, gradWeight);
        if (gradIn != null) {
            inputGradient(layer, w.weight(), g, gradIn);
        }
    }

    /**
     * dL/dW[o][i][tap] = Σ over pixels of dL/dpre[o](p) · in[i](p + tap offset), inside the image. Rows outer and taps
     * inner, so the gradient row and the three input rows it meets stay in L1; each tap still sums its rows in
     * ascending order.
     */
    private static void weightGradient(LayerSpec layer, Planes in, float[] g, float[] gradWeight) {
        int width = in.width();
        int height = in.height();
        int pixels = in.planeSize();
        int k = layer.kernelSize();
        int r = k / 2;
        float[] src = in.data();
        double[] acc = new double[k * k];
        for (int o = 0; o < layer.out(); o++) {
            int outBase = o * pixels;
            for (int i = 0; i < layer.in(); i++) {
                int inBase = i * pixels;
                java.util.Arrays.fill(acc, 0.0);
                for (int y = 0; y < height; y++) {
                    int row = outBase + y * width;
                    for (int ky = 0; ky < k; ky++) {
                        int sy = y + ky - r;
                        if (sy < 0 || sy >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < k; kx++) {
                            int dx = kx - r;
                            int x0 = Math.max(0, -dx);
                            int x1 = Math.min(width, width - dx);
                            acc[ky * k + kx] += dot(g, row + x0, src, inBase + sy * width + x0 + dx, x1 - x0);
                        }
                    }
                }
                for (int t = 0; t < k * k; t++) {
                    gradWeight[(o * layer.in() + i) * k * k + t] += (float) acc[t];
                }
            }
        }
    }

    /**
     * dL/d in[i](p + tap) += W[o][i][tap] · dL/dpre[o](p): the transposed convolution, BLOCK input channels per pass
     * over a row of the result (each gradient value feeds BLOCK multiply-adds). Every value receives its terms in the
     * order o, ky, kx ascending.
     */
    private static void inputGradient(LayerSpec layer, float[] weight, float[] g, Planes gradIn) {
        int width = gradIn.width();
        int height = gradIn.height();
        int pixels = gradIn.planeSize();
        int k = layer.kernelSize();
        int r = k / 2;
        int perOut = layer.in() * k * k;
        float[] dst = gradIn.data();
        float[][] acc = new float[BLOCK][width];
        float[] taps = new float[BLOCK];
        for (int i0 = 0; i0 < layer.in(); i0 += BLOCK) {
            int block = Math.min(BLOCK, layer.in() - i0);
            for (int sy = 0; sy < height; sy++) {
                for (int b = 0; b < BLOCK; b++) {
                    if (b < block) {
                        System.arraycopy(dst, (i0 + b) * pixels + sy * width, acc[b], 0, width);
                    }
                }
                for (int o = 0; o < layer.out(); o++) {
                    for (int ky = 0; ky < k; ky++) {
                        int y = sy - (ky - r);
                        if (y < 0 || y >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < k; kx++) {
                            int dx = kx - r;
                            for (int b = 0; b < BLOCK; b++) {
                                taps[b] = b < block ? weight[o * perOut + ((i0 + b) * k + ky) * k + kx] : 0f;
                            }
                            multiplyAdd(acc, g, o * pixels + y * width - dx, Math.max(dx, 0),
                                    Math.min(width + dx, width), taps);
                        }
                    }
                }
                for (int b = 0; b < block; b++) {
                    System.arraycopy(acc[b], 0, dst, (i0 + b) * pixels + sy * width, width);
                }
            }
        }
    }

    /**
     * Σ a[ai + j]·b[bi + j] for j < n with four independent partial sums: float additions are not reassociated by the
     * JIT, so one accumulator would serialise on the add latency.
     */
    static float dot(float[] a, int ai, float[] b, int bi, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[ai + j] * b[bi + j];
            s1 += a[ai + j + 1] * b[bi + j + 1];
            s2 += a[ai + j + 2] * b[bi + j + 2];
            s3 += a[ai + j + 3] * b[bi + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[ai + j] * b[bi + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sum(float[] a, int from, int n) {
        double s = 0;
        for (int j = from; j < from + n; j++) {
            s += a[j];
        }
        return s;
    }

    private static void check(LayerSpec layer, Planes in, Planes out) {
        if (in.channels() != layer.in() || out.channels() != layer.out() || in.width() != out.width()
                || in.height() != out.height()) {
            throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.in() + "→" + layer.out()
                    + "): input " + in.channels() + "x" + in.width() + "x" + in.height() + ", output "
                    + out.channels() + "x" + out.width() + "x" + out.height());
        }
    }
}
