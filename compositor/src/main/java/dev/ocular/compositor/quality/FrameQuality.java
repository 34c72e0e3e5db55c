package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * One eye-frame's quality per region, and the whole-image ꟻLIP error map (one channel in [0, 1]; write it with
 * {@link ErrorMapPng}).
 */
public record FrameQuality(RegionScores whole, RegionScores centre, RegionScores periphery, ImageData flipMap) {
}
