package dev.ocular.vrnet.reference;

import dev.ocular.vrnet.model.NetSpec;

/**
 * The refine residual's gate (spec version 4, README "Refine", step 3): g = min(1, R / τ), R the fused output's local
 * contrast — the largest per-channel range (max − min) of its tone-mapped colour over the 3 × 3 neighbourhood, indices
 * clamped at the image edges — and g = 1 when τ is 0. Flat regions (R well below τ) keep the fused pixel: a small
 * network leaves a faint, nearly constant residual there that PSNR forgives and ꟻLIP does not (a display error of
 * 1e-4 already scores ꟻLIP 0.002 at 10.75 px/deg); gating v3.0's trained residual this way after the fact cut its
 * flat-region ꟻLIP by a quarter at the same PSNR (docs/vrnet-model-card.md).
 *
 * <p>Works on any float layout ({@link StridedLayout}), so the reference (interleaved {@code ImageData}), the trainer
 * (planar) and the GPU kernel read the same definition.
 * Ties resolve to the first in scan order (channel, then row, then column), as shaders/refine_apply.comp does. Pure.
 */
public final class ContrastGate {
    /** Where the range was found, for the trainer's subgradient: flat indices of the maximum and minimum. */
    public static final class Extremes {
        public int max;
        public int min;
    }

    private ContrastGate() {
    }

    /** Scratch for {@link #range}: one {@link Extremes} per colour channel, owned by the caller and reused. */
    public static Extremes[] channels() {
        Extremes[] channels = new Extremes[NetSpec.REFINE_COLOUR];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = new Extremes();
        }
        return channels;
    }

    /**
     * R at (x, y) over channels 0–2. Fills {@code channels[c]} with channel c's extremes (the refine clamp's bounds,
     * so one scan serves both) and {@code where} (may be null) with those of the channel with the largest range.
     */
    public static float range(float[] data, StridedLayout at, int x, int y, Extremes[] channels, Extremes where) {
        float best = -1f;
        for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
            Extremes channel = channels[c];
            extremes(data, at, x, y, c, channel);
            float r = data[channel.max] - data[channel.min];
            if (r > best) {
                best = r;
                if (where != null) {
                    where.max = channel.max;
                    where.min = channel.min;
                }
            }
        }
        return best;
    }

    /**
     * Fills {@code where} with the indices of channel c's maximum and minimum over the 3 × 3 neighbourhood of (x, y),
     * positions clamped at the edges, ties to the first in scan order.
     */
    public static void extremes(float[] data, StridedLayout at, int x, int y, int c, Extremes where) {
        float hi = Float.NEGATIVE_INFINITY;
        float lo = Float.POSITIVE_INFINITY;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                int k = at.clamped(x, y, i, j, c);
                float v = data[k];
                if (v > hi) {
                    hi = v;
                    where.max = k;
                }
                if (v < lo) {
                    lo = v;
                    where.min = k;
                }
            }
        }
    }

    /** g = min(1, range / tau), or 1 when tau is 0 (no gate). */
    public static float gate(float range, float tau) {
        return tau == 0f ? 1f : Math.min(1f, range / tau);
    }
}
