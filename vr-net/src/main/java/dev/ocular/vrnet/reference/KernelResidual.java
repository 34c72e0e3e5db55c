package dev.ocular.vrnet.reference;

import dev.ocular.vrnet.model.NetSpec;

/**
 * The refine residual as a per-pixel filter (spec field {@code refineKernel}, README "Refine"): the last refine layer
 * writes k² weights w per output pixel, and the residual of colour channel c is
 * {@code r_c(x) = Σ_t w_t(x) · (y_c(x + t) − y_c(x))}, t over the k × k offsets in row-major order, neighbour indices
 * clamped at the image edges, y the tone-mapped fused colour. Why a filter rather than a free residual: one fitted
 * linear filter already gains 0.4–0.6 dB over TAAU's output (tools/probes/TaauWiener), but the corridor wants it to
 * smooth where text wants it to sharpen; predicting the filter per pixel lets the features choose, the three colour
 * channels share it (no colour bias), and zero weights are exactly the fused output.
 *
 * <p>Any float layout ({@link StridedLayout}), as {@link ContrastGate}. Pure.
 */
public final class KernelResidual {
    private KernelResidual() {
    }

    /**
     * r_c at (x, y).
     *
     * @param colour  y, channels 0–2
     * @param weights the k² weights, channel t = tap t
     */
    public static float residual(float[] colour, StridedLayout colourAt, float[] weights, StridedLayout weightsAt,
            int k, int x, int y, int c) {
        int half = k / 2;
        float centre = colour[colourAt.index(x, y, c)];
        float sum = 0f;
        int t = 0;
        for (int dy = -half; dy <= half; dy++) {
            for (int dx = -half; dx <= half; dx++, t++) {
                sum += weights[weightsAt.index(x, y, t)] * (colour[colourAt.clamped(x, y, dx, dy, c)] - centre);
            }
        }
        return sum;
    }

    /** {@link #residual} at every pixel and colour channel of the colour's image, written into {@code out}. */
    public static void residualImage(float[] colour, StridedLayout colourAt, float[] weights, StridedLayout weightsAt,
            int k, float[] out, StridedLayout outAt) {
        for (int y = 0; y < colourAt.height(); y++) {
            for (int x = 0; x < colourAt.width(); x++) {
                for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                    out[outAt.index(x, y, c)] = residual(colour, colourAt, weights, weightsAt, k, x, y, c);
                }
            }
        }
    }

    /**
     * Back-propagates dL/dr (3 channels at (x, y)) of {@link #residual}: adds dL/dw_t into {@code gradWeights} and
     * dL/dy into {@code gradColour} (both in their own layouts, which match those of the forward inputs).
     */
    public static void backward(float[] colour, StridedLayout colourAt, float[] weights, StridedLayout weightsAt,
            int k, int x, int y, float[] gradResidual, StridedLayout gradResidualAt, float[] gradColour,
            float[] gradWeights) {
        int half = k / 2;
        int t = 0;
        for (int dy = -half; dy <= half; dy++) {
            for (int dx = -half; dx <= half; dx++, t++) {
                float w = weights[weightsAt.index(x, y, t)];
                float gw = 0f;
                for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                    float gr = gradResidual[gradResidualAt.index(x, y, c)];
                    if (gr == 0f) {
                        continue;
                    }
                    int centre = colourAt.index(x, y, c);
                    int neighbour = colourAt.clamped(x, y, dx, dy, c);
                    gw += gr * (colour[neighbour] - colour[centre]);
                    gradColour[neighbour] += w * gr;
                    gradColour[centre] -= w * gr;
                }
                gradWeights[weightsAt.index(x, y, t)] += gw;
            }
        }
    }
}
