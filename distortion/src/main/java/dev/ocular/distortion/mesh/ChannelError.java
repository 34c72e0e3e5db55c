package dev.ocular.distortion.mesh;

/**
 * Error of one channel of a mesh against per-pixel evaluation, in panel pixels, over the visible pixels.
 *
 * @param maxPx largest error (+∞ when some error is not finite)
 * @param meanPx mean error
 */
public record ChannelError(double maxPx, double meanPx) {
}
