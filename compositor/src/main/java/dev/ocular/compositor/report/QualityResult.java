package dev.ocular.compositor.report;

import java.util.Objects;

/**
 * Both eyes' image quality for a run, compared with the scene's native reference.
 *
 * @param method how it was measured, for the report's reader: colour space of PSNR (linear or sRGB), FLIP mode and
 *        pixels per degree, warm-up frames skipped, which frames were compared
 */
public record QualityResult(String method, EyeQuality left, EyeQuality right) {
    public QualityResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    public EyeQuality eye(StereoEye eye) {
        return eye == StereoEye.LEFT ? left : right;
    }
}
