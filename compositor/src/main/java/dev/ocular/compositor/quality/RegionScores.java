package dev.ocular.compositor.quality;

/**
 * One region's per-frame image quality (all on display-referred values, {@link DisplayReferred}).
 *
 * @param psnr  dB on sRGB RGB, range 1, capped at {@link Psnr#CAP_DB}
 * @param psnrY dB on BT.601 luma Y'
 * @param ssim  mean SSIM on Y' (11 × 11 Gaussian, σ 1.5, L = 1)
 * @param flip  LDR-ꟻLIP statistics at the eye's pixels per degree
 */
public record RegionScores(double psnr, double psnrY, double ssim, FlipStats flip) {
}
