package dev.ocular.vrnet.reference;

import dev.ocular.vrnet.model.FuseConstants;

/**
 * Squashing functions from the head's raw outputs h to the fuse op's parameters (README, "Reconstruct / fuse"). Each
 * maps the whole real line into its documented range so any weights give a valid reconstruction.
 */
public final class HeadParams {
    private HeadParams() {
    }

    public static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    /** Gaussian width in low-resolution pixels: sigmaMin + (sigmaMax − sigmaMin)·sigmoid(h0). */
    public static float sigma(float h0, FuseConstants k) {
        return k.sigmaMin() + (k.sigmaMax() - k.sigmaMin()) * sigmoid(h0);
    }

    /** Weight of the current frame against valid history: alphaMin + (alphaMax − alphaMin)·sigmoid(h1). */
    public static float alpha(float h1, FuseConstants k) {
        return k.alphaMin() + (k.alphaMax() - k.alphaMin()) * sigmoid(h1);
    }

    /** Neighbourhood clamp half-width in standard deviations: gammaMin + (gammaMax − gammaMin)·sigmoid(h2). */
    public static float gamma(float h2, FuseConstants k) {
        return k.gammaMin() + (k.gammaMax() - k.gammaMin()) * sigmoid(h2);
    }

    /** Tone-mapped residual added to one colour channel: residualScale·tanh(h). */
    public static float residual(float h, FuseConstants k) {
        return k.residualScale() * (float) Math.tanh(h);
    }
}
