package dev.ocular.scenes.scene;

/**
 * An RGBA8 texture, rows top to bottom. The renderer builds the mip chain ({@link MipChain}) and samples it
 * trilinearly with the frame's LOD bias.
 *
 * @param rgba width × height × 4 bytes, owned by the texture
 * @param srgb colour data (sRGB-encoded, decoded to linear when sampled) rather than linear data
 */
public record Texture(String name, int width, int height, byte[] rgba, boolean srgb) {
    public Texture {
        if (width <= 0 || height <= 0 || rgba.length != 4L * width * height) {
            throw new IllegalArgumentException("texture " + name + ": " + rgba.length + " bytes for " + width + "x"
                    + height + " RGBA8");
        }
    }
}
