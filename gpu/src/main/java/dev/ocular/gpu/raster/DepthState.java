package dev.ocular.gpu.raster;

import static org.lwjgl.vulkan.VK10.*;

/**
 * Depth attachment and test of a graphics pipeline.
 *
 * @param format    VkFormat of the depth attachment, VK_FORMAT_UNDEFINED for none
 * @param test      run the depth test
 * @param write     write depth
 * @param compareOp VkCompareOp; reverse-Z renderers use GREATER_OR_EQUAL with the buffer cleared to 0
 */
public record DepthState(int format, boolean test, boolean write, int compareOp) {
    public static DepthState none() {
        return new DepthState(VK_FORMAT_UNDEFINED, false, false, VK_COMPARE_OP_ALWAYS);
    }

    /** Reverse-Z (near = 1, infinity = 0): nearer fragments have larger depth. */
    public static DepthState reverseZ(int format, boolean write) {
        return new DepthState(format, true, write, VK_COMPARE_OP_GREATER_OR_EQUAL);
    }
}
