package dev.ocular.compositor.upscale;

/**
 * Tuning of the TAAU baseline, shared by the GPU kernel (as push constants) and its CPU twin, so both always run the
 * same maths. Weights are in "samples": the current frame contributes its kernel-weighted sample mass, normalised so
 * that one frame brings on average one sample to each output pixel whatever the ratio; history keeps at most
 * {@code maxHistoryWeight} of them, i.e. an exponential blend with α ≈ 1 / maxHistoryWeight for an average sample,
 * more when this frame's sample lands close to the output pixel centre, less when it lands far.
 *
 * @param clipGamma        width of the variance clipping box, μ ± γσ
 * @param maxHistoryWeight history cap at rest (10 ⇒ α ≈ 0.1, Karis 2014's usual blend)
 * @param minHistoryWeight history cap at and above {@code fastMotion}: every reprojection resamples (and softens)
 *                         history, and moving content disoccludes, so moving pixels trust the current frame more
 * @param fastMotion       output pixels per frame at which the cap reaches {@code minHistoryWeight} (linear from 0)
 * @param rejection        how strongly clipped history loses weight: weight × (1 / overshoot)^rejection where the
 *                         overshoot is how far outside the box history was, in box half-widths (0 = classic TAA,
 *                         which only clips)
 */
public record TaauSettings(float clipGamma, float maxHistoryWeight, float minHistoryWeight, float fastMotion,
        float rejection) {
    public TaauSettings {
        if (!(clipGamma > 0) || !(minHistoryWeight > 0) || !(maxHistoryWeight >= minHistoryWeight)
                || !(fastMotion > 0) || !(rejection >= 0) || !Float.isFinite(clipGamma)
                || !Float.isFinite(maxHistoryWeight) || !Float.isFinite(fastMotion) || !Float.isFinite(rejection)) {
            throw new IllegalArgumentException("bad TAAU settings " + this);
        }
    }

    /**
     * The tuned defaults, measured on the synthetic scene of the tests (2×, 32 frames, static, panning at 0.43 px/frame
     * and with a moving occluder): γ = 1.5 rather than Salvi 2016's γ ≈ 1, because that value is for 1× TAA — at
     * upscaling ratios the 3 × 3 low-resolution neighbourhood under-represents an output pixel's detail, and γ = 1
     * clipped away 4 dB of accumulated detail without rejecting disocclusion trails any better (closest-depth motion
     * dilation handles those). History cap 10 at rest falling to 3 at 1 px/frame: +1.3 dB in motion over a cap
     * that stays near 10, with the same static quality.
     */
    public static TaauSettings defaults() {
        return new TaauSettings(1.5f, 10.0f, 3.0f, 1.0f, 1.0f);
    }
}
