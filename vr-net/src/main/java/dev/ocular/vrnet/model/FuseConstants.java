package dev.ocular.vrnet.model;

/**
 * Ranges of the reconstruction parameters the head predicts, used by the fuse op's squashing functions (README,
 * "Reconstruct / fuse"): σ = sigmaMin + (sigmaMax − sigmaMin)·sigmoid(h0), α likewise with h1, γ with h2, residual =
 * residualScale·tanh(h3..5).
 *
 * @param sigmaMin      smallest Gaussian width, in low-resolution pixels; at least 0.2 so the nearest sample's weight
 *                      (distance ≤ √2) stays above fp32's normal range
 * @param alphaMin      smallest weight of the current frame when history is valid
 * @param residualScale largest tone-mapped residual the head may add
 */
public record FuseConstants(float sigmaMin, float sigmaMax, float alphaMin, float alphaMax, float gammaMin,
        float gammaMax, float residualScale) {
}
