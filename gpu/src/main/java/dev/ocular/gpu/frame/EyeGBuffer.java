package dev.ocular.gpu.frame;

import dev.ocular.gpu.GpuImage;

/**
 * One eye's low-resolution render on the GPU, as the renderer hands it to an upscaler. The images belong to the
 * renderer and stay valid until its next frame; {@code layer} is the array layer holding this eye (multiview renders
 * both eyes into a 2-layer image). Formats and conventions as {@link GBufferData}: colour RGBA16F, depth D32_SFLOAT
 * (reverse-Z), motion RG16F; each left in SHADER_READ_ONLY_OPTIMAL layout by the renderer.
 */
public record EyeGBuffer(GpuImage colour, GpuImage depth, GpuImage motion, int layer, float jitterX,
        float jitterY) {
    public int width() {
        return colour.width();
    }

    public int height() {
        return colour.height();
    }
}
