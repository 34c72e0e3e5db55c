package dev.ocular.gpu;

/**
 * Shape and use of a 2-D image (array).
 *
 * @param format VkFormat
 * @param usage  VkImageUsageFlags; TRANSFER_SRC/DST are always added
 * @param layers array layers (2 for a multiview stereo target)
 */
public record ImageSpec(int width, int height, int layers, int mipLevels, int format, int usage) {
    public ImageSpec {
        if (width <= 0 || height <= 0 || layers <= 0 || mipLevels <= 0) {
            throw new IllegalArgumentException("image extent must be positive: " + width + "x" + height + "x" + layers
                    + " mips " + mipLevels);
        }
    }

    public static ImageSpec of(int width, int height, int format, int usage) {
        return new ImageSpec(width, height, 1, 1, format, usage);
    }

    /** Mip levels for a full chain down to 1×1. */
    public static int fullMipChain(int width, int height) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(width, height));
    }
}
