package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkBufferCopy;
import org.lwjgl.vulkan.VkBufferImageCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkDependencyInfo;
import org.lwjgl.vulkan.VkImageMemoryBarrier2;
import org.lwjgl.vulkan.VkMemoryBarrier2;

/**
 * A primary VkCommandBuffer that tracks its own state (initial → recording → executable → pending → initial) and
 * refuses illegal transitions, so a misuse fails here with a clear message instead of as a driver crash.
 * Barriers use synchronization2. Record with {@link #handle()} for commands this class has no helper for.
 */
public final class CommandBuffer implements AutoCloseable {
    public enum State { INITIAL, RECORDING, EXECUTABLE, PENDING, FREED }

    private final GpuDevice device;
    private final CommandPool pool;
    private final VkCommandBuffer handle;
    private State state = State.INITIAL;

    private CommandBuffer(GpuDevice device, CommandPool pool, VkCommandBuffer handle) {
        this.device = device;
        this.pool = pool;
        this.handle = handle;
    }

    static CommandBuffer allocate(GpuDevice device, CommandPool pool) {
        try (MemoryStack stack = stackPush()) {
            VkCommandBufferAllocateInfo info = VkCommandBufferAllocateInfo.calloc(stack).sType$Default()
                    .commandPool(pool.handle()).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1);
            PointerBuffer handle = stack.mallocPointer(1);
            VulkanException.check(vkAllocateCommandBuffers(device.handle(), info, handle), "vkAllocateCommandBuffers");
            return new CommandBuffer(device, pool, new VkCommandBuffer(handle.get(0), device.handle()));
        }
    }

    public VkCommandBuffer handle() {
        return handle;
    }

    public State state() {
        return state;
    }

    public GpuDevice device() {
        return device;
    }

    /** Begins one-time-submit recording; the buffer must be in its initial state. */
    public CommandBuffer begin() {
        expect(State.INITIAL, "begin");
        try (MemoryStack stack = stackPush()) {
            VkCommandBufferBeginInfo info = VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT);
            VulkanException.check(vkBeginCommandBuffer(handle, info), "vkBeginCommandBuffer");
        }
        state = State.RECORDING;
        return this;
    }

    public void end() {
        expect(State.RECORDING, "end");
        VulkanException.check(vkEndCommandBuffer(handle), "vkEndCommandBuffer");
        state = State.EXECUTABLE;
    }

    /** Called by the submitter once the buffer is queued. */
    void markPending() {
        expect(State.EXECUTABLE, "submit");
        state = State.PENDING;
    }

    /** Returns a completed (or never submitted) buffer to the initial state. The caller guarantees completion. */
    public void reset() {
        if (state == State.RECORDING || state == State.FREED) {
            throw new IllegalStateException("command buffer cannot be reset while " + state);
        }
        VulkanException.check(vkResetCommandBuffer(handle, 0), "vkResetCommandBuffer");
        state = State.INITIAL;
    }

    /** Asserts the buffer is recording; helpers elsewhere call this before recording with {@link #handle()}. */
    public void requireRecording() {
        expect(State.RECORDING, "record into");
    }

    private void expect(State wanted, String action) {
        if (state != wanted) {
            throw new IllegalStateException("cannot " + action + " a command buffer in state " + state
                    + " (expected " + wanted + ")");
        }
    }

    /** A global memory dependency (synchronization2 stage and access masks). */
    public void memoryBarrier(long srcStage, long srcAccess, long dstStage, long dstAccess) {
        requireRecording();
        try (MemoryStack stack = stackPush()) {
            VkMemoryBarrier2.Buffer barrier = VkMemoryBarrier2.calloc(1, stack);
            barrier.get(0).sType$Default().srcStageMask(srcStage).srcAccessMask(srcAccess)
                    .dstStageMask(dstStage).dstAccessMask(dstAccess);
            vkCmdPipelineBarrier2(handle, VkDependencyInfo.calloc(stack).sType$Default().pMemoryBarriers(barrier));
        }
    }

    /** Compute writes → compute reads: the barrier between two dependent dispatches. */
    public void computeToCompute() {
        memoryBarrier(VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
    }

    /** Moves every subresource of {@code image} from its tracked layout to {@code newLayout}. */
    public void transition(GpuImage image, int newLayout, long srcStage, long srcAccess, long dstStage,
            long dstAccess) {
        requireRecording();
        try (MemoryStack stack = stackPush()) {
            VkImageMemoryBarrier2.Buffer barrier = VkImageMemoryBarrier2.calloc(1, stack);
            barrier.get(0).sType$Default()
                    .srcStageMask(srcStage).srcAccessMask(srcAccess)
                    .dstStageMask(dstStage).dstAccessMask(dstAccess)
                    .oldLayout(image.layout()).newLayout(newLayout)
                    .srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
                    .image(image.handle())
                    .subresourceRange(r -> r.aspectMask(image.aspect()).baseMipLevel(0)
                            .levelCount(VK_REMAINING_MIP_LEVELS).baseArrayLayer(0)
                            .layerCount(VK_REMAINING_ARRAY_LAYERS));
            vkCmdPipelineBarrier2(handle, VkDependencyInfo.calloc(stack).sType$Default()
                    .pImageMemoryBarriers(barrier));
        }
        image.layout(newLayout);
    }

    public void copyBuffer(GpuBuffer src, long srcOffset, GpuBuffer dst, long dstOffset, long size) {
        requireRecording();
        try (MemoryStack stack = stackPush()) {
            VkBufferCopy.Buffer region = VkBufferCopy.calloc(1, stack);
            region.get(0).srcOffset(srcOffset).dstOffset(dstOffset).size(size);
            vkCmdCopyBuffer(handle, src.handle(), dst.handle(), region);
        }
    }

    /** Copies tightly packed texels of mip 0, every layer, from {@code src} into an image in TRANSFER_DST layout. */
    public void copyBufferToImage(GpuBuffer src, GpuImage dst) {
        requireRecording();
        try (MemoryStack stack = stackPush()) {
            vkCmdCopyBufferToImage(handle, src.handle(), dst.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                    wholeImage(stack, dst));
        }
    }

    /** Copies mip 0, every layer, of an image in TRANSFER_SRC layout into {@code dst}, tightly packed. */
    public void copyImageToBuffer(GpuImage src, GpuBuffer dst) {
        requireRecording();
        try (MemoryStack stack = stackPush()) {
            vkCmdCopyImageToBuffer(handle, src.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, dst.handle(),
                    wholeImage(stack, src));
        }
    }

    private static VkBufferImageCopy.Buffer wholeImage(MemoryStack stack, GpuImage image) {
        VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, stack);
        region.get(0).bufferOffset(0).bufferRowLength(0).bufferImageHeight(0)
                .imageSubresource(s -> s.aspectMask(image.aspect() & ~VK_IMAGE_ASPECT_STENCIL_BIT).mipLevel(0)
                        .baseArrayLayer(0).layerCount(image.spec().layers()))
                .imageExtent(e -> e.set(image.width(), image.height(), 1));
        return region;
    }

    /** Fills a buffer with a repeated 32-bit word (e.g. a NaN pattern to poison outputs in tests). */
    public void fillBuffer(GpuBuffer buffer, int word) {
        requireRecording();
        vkCmdFillBuffer(handle, buffer.handle(), 0, VK_WHOLE_SIZE, word);
    }

    @Override
    public void close() {
        if (state == State.FREED) {
            return;
        }
        if (state == State.PENDING) {
            throw new IllegalStateException("command buffer freed while pending; wait for its submission first");
        }
        try (MemoryStack stack = stackPush()) {
            vkFreeCommandBuffers(device.handle(), pool.handle(), stack.pointers(handle));
        }
        state = State.FREED;
    }

    /** Called by the submitter once the GPU finished with it. */
    void markComplete() {
        if (state == State.PENDING) {
            state = State.EXECUTABLE;
        }
    }
}
