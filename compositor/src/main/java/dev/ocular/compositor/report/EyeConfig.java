package dev.ocular.compositor.report;

import java.util.Objects;

/**
 * One eye's reconstruction settings and image sizes, as reports and the service show them.
 *
 * @param preset preset name (native, quality, balanced, performance, ultra, custom…)
 * @param ratio per-axis upscaling ratio (output / render size; 1.0 for native)
 * @param method reconstruction method (vrnet, taau, bicubic, …)
 * @param sharpening sharpening strength as the pipeline defines it (0 = off)
 * @param renderWidth size the scene is rendered at
 * @param outputWidth size after reconstruction (the swapchain / eye image)
 */
public record EyeConfig(String preset, double ratio, String method, double sharpening, int renderWidth,
        int renderHeight, int outputWidth, int outputHeight) {
    public EyeConfig {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(method, "method");
        if (renderWidth < 0 || renderHeight < 0 || outputWidth < 0 || outputHeight < 0) {
            throw new IllegalArgumentException("negative image size");
        }
    }
}
