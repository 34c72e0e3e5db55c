package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.system.MemoryUtil.memAlloc;
import static org.lwjgl.system.MemoryUtil.memFree;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;

/** A VkShaderModule from SPIR-V bytes. Pipelines keep what they need, so modules may be closed after pipeline creation. */
public final class ShaderModule implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private boolean closed;

    private ShaderModule(GpuDevice device, long handle) {
        this.device = device;
        this.handle = handle;
    }

    public static ShaderModule create(GpuDevice device, byte[] spirv) {
        // SPIR-V can be hundreds of KB: heap-allocate rather than use the (small) MemoryStack.
        ByteBuffer code = memAlloc(spirv.length);
        try (MemoryStack stack = stackPush()) {
            code.put(spirv).flip();
            VkShaderModuleCreateInfo info = VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(code);
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateShaderModule(device.handle(), info, null, handle), "vkCreateShaderModule");
            return new ShaderModule(device, handle.get(0));
        } finally {
            memFree(code);
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyShaderModule(device.handle(), handle, null);
        }
    }
}
