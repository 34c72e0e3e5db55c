package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.VK_PIPELINE_SHADER_STAGE_CREATE_REQUIRE_FULL_SUBGROUPS_BIT;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;

/** A compute VkPipeline. */
public final class ComputePipeline implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private boolean closed;

    private ComputePipeline(GpuDevice device, long handle) {
        this.device = device;
        this.handle = handle;
    }

    /**
     * @param fullSubgroups require every subgroup to be full (cooperative-matrix kernels assume whole subgroups);
     *                      honoured when the device offers computeFullSubgroups
     */
    public static ComputePipeline create(GpuDevice device, ShaderModule module, PipelineLayout layout,
            SpecConstants constants, boolean fullSubgroups) {
        try (MemoryStack stack = stackPush()) {
            VkComputePipelineCreateInfo.Buffer info = VkComputePipelineCreateInfo.calloc(1, stack);
            info.get(0).sType$Default().layout(layout.handle())
                    .stage(s -> s.sType$Default()
                            .flags(fullSubgroups && device.capabilities().computeFullSubgroups()
                                    ? VK_PIPELINE_SHADER_STAGE_CREATE_REQUIRE_FULL_SUBGROUPS_BIT : 0)
                            .stage(VK_SHADER_STAGE_COMPUTE_BIT)
                            .module(module.handle())
                            .pName(stack.UTF8("main"))
                            .pSpecializationInfo(constants.toVk(stack)));
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateComputePipelines(device.handle(), VK_NULL_HANDLE, info, null, handle),
                    "vkCreateComputePipelines");
            return new ComputePipeline(device, handle.get(0));
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyPipeline(device.handle(), handle, null);
        }
    }
}
