package dev.ocular.vrnet.model;

/**
 * Constants of the guided fuse op (README, "Reconstruct / fuse"): a TAAU resolve whose kernel width, history cap and
 * clip width the head modulates per pixel, plus a residual. Head value 0 gives the base values, which are the tuned
 * TAAU baseline's, so an untrained head reconstructs exactly like TAAU and training can only start from there.
 *
 * @param sigmaBase     accumulation kernel width σ in output pixels at h0 = 0; σ = sigmaBase · 2^(sigmaOctaves·tanh h0)
 * @param sigmaOctaves  how far the head may widen or narrow σ, in octaves
 * @param capOctaves    history cap multiplier 2^(capOctaves·tanh h1)
 * @param gammaBase     clip box half-width in standard deviations at h2 = 0; γ = gammaBase · 2^(gammaOctaves·tanh h2)
 * @param gammaOctaves  how far the head may move γ, in octaves
 * @param residualScale largest residual added to each perceptual YCoCg channel: residualScale·tanh(h3..5)
 * @param maxHistory    history cap at rest, in samples, before the head's multiplier
 * @param minHistory    history cap at and above {@code fastMotion}
 * @param fastMotion    output pixels per frame at which the cap reaches {@code minHistory}
 * @param rejection     clipped history keeps (1 / overshoot)^rejection of its weight
 */
public record FuseConstants(float sigmaBase, float sigmaOctaves, float capOctaves, float gammaBase,
        float gammaOctaves, float residualScale, float maxHistory, float minHistory, float fastMotion,
        float rejection) {
    /** The same constants with another residual scale (tests exercise the residual path the shipped spec turns off). */
    public FuseConstants withResidualScale(float scale) {
        return new FuseConstants(sigmaBase, sigmaOctaves, capOctaves, gammaBase, gammaOctaves, scale, maxHistory,
                minHistory, fastMotion, rejection);
    }
}
