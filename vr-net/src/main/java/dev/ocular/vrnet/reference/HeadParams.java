package dev.ocular.vrnet.reference;

import dev.ocular.vrnet.model.FuseConstants;

/**
 * Squashing functions from the head's raw outputs h to the fuse op's parameters (README, "Reconstruct / fuse"). Each
 * is a bounded multiplier around a base value, 1 at h = 0, so any weights give a valid reconstruction and a zero head is
 * the TAAU baseline.
 */
public final class HeadParams {
    private HeadParams() {
    }

    /** Accumulation kernel width in output pixels: sigmaBase · 2^(sigmaOctaves·tanh h0). */
    public static float sigma(float h0, FuseConstants k) {
        return k.sigmaBase() * octaves(k.sigmaOctaves(), h0);
    }

    /** Multiplier of the history cap: 2^(capOctaves·tanh h1). */
    public static float capScale(float h1, FuseConstants k) {
        return octaves(k.capOctaves(), h1);
    }

    /** Clip box half-width in standard deviations: gammaBase · 2^(gammaOctaves·tanh h2). */
    public static float gamma(float h2, FuseConstants k) {
        return k.gammaBase() * octaves(k.gammaOctaves(), h2);
    }

    /** Residual added to one perceptual YCoCg channel: residualScale·tanh(h). */
    public static float residual(float h, FuseConstants k) {
        return k.residualScale() * (float) Math.tanh(h);
    }

    private static float octaves(float range, float h) {
        return (float) Math.pow(2.0, range * Math.tanh(h));
    }
}
