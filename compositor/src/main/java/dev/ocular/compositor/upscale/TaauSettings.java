package dev.ocular.compositor.upscale;

/**
 * Tuning of the TAAU baseline, shared by the GPU kernel (as push constants) and its CPU twin, so both always run the
 * same maths. Weights are in "samples": the current frame contributes its kernel-weighted sample mass, normalised so
 * that one frame brings on average one sample to each output pixel whatever the ratio; history keeps at most
 * {@code maxHistoryWeight} of them, i.e. an exponential blend with α ≈ 1 / maxHistoryWeight for an average sample,
 * more when this frame's sample lands close to the output pixel centre, less when it lands far.
 *
 * @param clipGamma        width of the variance clipping box, μ ± γσ (Salvi 2016 suggests γ ≈ 1)
 * @param maxHistoryWeight history cap at rest (10 ⇒ α ≈ 0.1, Karis 2014's usual blend)
 * @param minHistoryWeight history cap at and above {@code fastMotion}: fast motion trusts history less, because
 *                         every reprojection resamples (and softens) it and disocclusions are frequent
 * @param fastMotion       output pixels per frame at which the cap reaches {@code minHistoryWeight}
 * @param rejection        how strongly clipped history loses weight: weight × (1 / overshoot)^rejection where the
 *                         overshoot is how far outside the box history was, in box half-widths (0 = classic TAA,
 *                         which only clips)
 */
public record TaauSettings(float clipGamma, float maxHistoryWeight, float minHistoryWeight, float fastMotion,
        float rejection) {
    public TaauSettings {
        if (!(clipGamma > 0) || !(minHistoryWeight > 0) || !(maxHistoryWeight >= minHistoryWeight)
                || !(fastMotion > 0) || !(rejection >= 0)) {
            throw new IllegalArgumentException("bad TAAU settings " + this);
        }
    }

    public static TaauSettings defaults() {
        return new TaauSettings(1.0f, 10.0f, 5.0f, 16.0f, 1.0f);
    }
}
