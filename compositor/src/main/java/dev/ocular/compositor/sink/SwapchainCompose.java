package dev.ocular.compositor.sink;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuImage;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkImageBlit;

/**
 * The "compose" stage for the OpenXR sink: blits an eye's RGBA16F output into its acquired swapchain image, converting
 * to the swapchain's format (sRGB encoding included, done by the blit), and optionally copies the result to a
 * readback buffer before the image is released — the capture tests compare with the pipeline's offline output.
 */
public final class SwapchainCompose {
    public static final String STAGE = "compose";

    private SwapchainCompose() {
    }

    /**
     * @param output  the eye's output, in GENERAL layout with compute writes done; left in GENERAL
     * @param target  the acquired swapchain image, COLOR_ATTACHMENT_OPTIMAL in and out
     * @param capture a READBACK buffer of width × height × 4 bytes to copy the composed image into, or null
     */
    public static void record(CommandBuffer cb, int eye, GpuImage output, GpuImage target, GpuBuffer capture,
            StageTimer timer) {
        timer.begin(cb, eye, STAGE);
        cb.transition(output, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        cb.transition(target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                0, VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkImageBlit.Buffer region = VkImageBlit.calloc(1, stack);
            region.get(0)
                    .srcSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1))
                    .dstSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1));
            region.get(0).srcOffsets(1).set(output.width(), output.height(), 1);
            region.get(0).dstOffsets(1).set(target.width(), target.height(), 1);
            boolean sameSize = output.width() == target.width() && output.height() == target.height();
            vkCmdBlitImage(cb.handle(), output.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, target.handle(),
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, region, sameSize ? VK_FILTER_NEAREST : VK_FILTER_LINEAR);
        }
        if (capture != null) {
            cb.transition(target, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
                    VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
            cb.copyImageToBuffer(target, capture);
            cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                    VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
        }
        long lastStage = capture != null ? VK_PIPELINE_STAGE_2_COPY_BIT : VK_PIPELINE_STAGE_2_BLIT_BIT;
        long lastAccess = capture != null ? VK_ACCESS_2_TRANSFER_READ_BIT : VK_ACCESS_2_TRANSFER_WRITE_BIT;
        cb.transition(target, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, lastStage, lastAccess,
                VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT);
        cb.transition(output, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_BLIT_BIT, 0,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
        timer.end(cb, eye, STAGE);
    }
}
