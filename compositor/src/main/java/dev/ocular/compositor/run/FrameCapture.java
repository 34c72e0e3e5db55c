package dev.ocular.compositor.run;

import dev.ocular.gpu.frame.ImageData;

/**
 * What ocular wrote into both eyes' swapchain images for one frame, read back before the images were released, next
 * to the pipeline's own output for the same frame.
 *
 * @param swapchainBytes per eye, width × height texels in the swapchain's format (4 or 8 bytes each)
 * @param swapchainFormat the VkFormat of the swapchain images
 * @param outputs        per eye, the RGBA16F pipeline output that was composed
 */
public record FrameCapture(int frame, byte[][] swapchainBytes, int swapchainFormat, int width, int height,
        ImageData[] outputs) {
}
