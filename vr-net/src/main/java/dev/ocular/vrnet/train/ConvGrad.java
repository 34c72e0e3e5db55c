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

    /** out = act(conv(in) + bias). {@code out} must have the layer's output channels and {@code in}'s size. */
    public static void forward(ConvWeights w, Planes in, Planes out) {
        LayerSpec layer = w.layer();
        check(layer, in, out);
        int width = in.width();
        int height = in.height();
        int pixels = in.planeSize();
        int k = layer.kernelSize();
        int r = k / 2;
        float[] src = in.data();
        float[] dst = out.data();
        float[] weight = w.weight();
        for (int o = 0; o < layer.out(); o++) {
            int outBase = o * pixels;
            java.util.Arrays.fill(dst, outBase, outBase + pixels, w.bias()[o]);
            for (int i = 0; i < layer.in(); i++) {
                int inBase = i * pixels;
                for (int ky = 0; ky < k; ky++) {
                    int dy = ky - r;
                    int y0 = Math.max(0, -dy);
                    int y1 = Math.min(height, height - dy);
                    for (int kx = 0; kx < k; kx++) {
                        int dx = kx - r;
                        int x0 = Math.max(0, -dx);
                        int x1 = Math.min(width, width - dx);
                        float wv = weight[((o * layer.in() + i) * k + ky) * k + kx];
                        int shift = inBase - outBase + dy * width + dx;
                        for (int y = y0; y < y1; y++) {
                            int row = outBase + y * width;
                            for (int x = row + x0; x < row + x1; x++) {
                                dst[x] += wv * src[x + shift];
                            }
                        }
                    }
                }
            }
        }
        if (layer.activation() == Activation.RELU) {
            for (int j = 0; j < dst.length; j++) {
                dst[j] = Math.max(dst[j], 0f);
            }
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

    /** dL/dW[o][i][tap] = Σ over pixels of dL/dpre[o](p) · in[i](p + tap offset), inside the image. */
    private static void weightGradient(LayerSpec layer, Planes in, float[] g, float[] gradWeight) {
        int width = in.width();
        int height = in.height();
        int pixels = in.planeSize();
        int k = layer.kernelSize();
        int r = k / 2;
        float[] src = in.data();
        for (int o = 0; o < layer.out(); o++) {
            int outBase = o * pixels;
            for (int i = 0; i < layer.in(); i++) {
                int inBase = i * pixels;
                for (int ky = 0; ky < k; ky++) {
                    int dy = ky - r;
                    int y0 = Math.max(0, -dy);
                    int y1 = Math.min(height, height - dy);
                    for (int kx = 0; kx < k; kx++) {
                        int dx = kx - r;
                        int x0 = Math.max(0, -dx);
                        int x1 = Math.min(width, width - dx);
                        int shift = inBase - outBase + dy * width + dx;
                        double acc = 0;
                        for (int y = y0; y < y1; y++) {
                            int row = outBase + y * width;
                            acc += dot(g, row + x0, src, row + x0 + shift, x1 - x0);
                        }
                        gradWeight[((o * layer.in() + i) * k + ky) * k + kx] += (float) acc;
                    }
                }
            }
        }
    }

    /** dL/d in[i](p + tap) += W[o][i][tap] · dL/dpre[o](p): the transposed convolution. */
    private static void inputGradient(LayerSpec layer, float[] weight, float[] g, Planes gradIn) {
        int width = gradIn.width();
        int height = gradIn.height();
        int pixels = gradIn.planeSize();
        int k = layer.kernelSize();
        int r = k / 2;
        float[] dst = gradIn.data();
        for (int i = 0; i < layer.in(); i++) {
            int inBase = i * pixels;
            for (int o = 0; o < layer.out(); o++) {
                int outBase = o * pixels;
                for (int ky = 0; ky < k; ky++) {
                    int dy = ky - r;
                    int y0 = Math.max(0, -dy);
                    int y1 = Math.min(height, height - dy);
                    for (int kx = 0; kx < k; kx++) {
                        int dx = kx - r;
                        int x0 = Math.max(0, -dx);
                        int x1 = Math.min(width, width - dx);
                        float wv = weight[((o * layer.in() + i) * k + ky) * k + kx];
                        int shift = inBase - outBase + dy * width + dx;
                        for (int y = y0; y < y1; y++) {
                            int row = outBase + y * width;
                            for (int x = row + x0; x < row + x1; x++) {
                                dst[x + shift] += wv * g[x];
                            }
                        }
                    }
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
