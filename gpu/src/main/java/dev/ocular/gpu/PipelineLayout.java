package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;

/** A VkPipelineLayout with one descriptor set layout and an optional push-constant range at offset 0. */
public final class PipelineLayout implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private final int pushConstantBytes;
    private final int pushConstantStages;
    private boolean closed;

    private PipelineLayout(GpuDevice device, long handle, int pushConstantBytes, int stages) {
        this.device = device;
        this.handle = handle;
        this.pushConstantBytes = pushConstantBytes;
        this.pushConstantStages = stages;
    }

    public static PipelineLayout create(GpuDevice device, DescriptorSetLayout set, int pushConstantBytes, int stages) {
        int limit = device.capabilities().maxPushConstantsSize();
        if (pushConstantBytes > limit) {
            throw new IllegalArgumentException(pushConstantBytes + " push-constant bytes exceed the device limit "
                    + limit);
        }
        try (MemoryStack stack = stackPush()) {
            VkPipelineLayoutCreateInfo info = VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
                    .pSetLayouts(set == null ? null : stack.longs(set.handle()));
            if (pushConstantBytes > 0) {
                VkPushConstantRange.Buffer range = VkPushConstantRange.calloc(1, stack);
                range.get(0).stageFlags(stages).offset(0).size(pushConstantBytes);
                info.pPushConstantRanges(range);
            }
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreatePipelineLayout(device.handle(), info, null, handle), "vkCreatePipelineLayout");
            return new PipelineLayout(device, handle.get(0), pushConstantBytes, stages);
        }
    }

    public long handle() {
        return handle;
    }

    public int pushConstantBytes() {
        return pushConstantBytes;
    }

    public int pushConstantStages() {
        return pushConstantStages;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyPipelineLayout(device.handle(), handle, null);
        }
    }
}
