package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;

/** A VkCommandPool on the device's queue family; its buffers may be reset individually. */
public final class CommandPool implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private boolean closed;

    private CommandPool(GpuDevice device, long handle) {
        this.device = device;
        this.handle = handle;
    }

    public static CommandPool create(GpuDevice device) {
        try (MemoryStack stack = stackPush()) {
            VkCommandPoolCreateInfo info = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT)
                    .queueFamilyIndex(device.queueFamily());
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateCommandPool(device.handle(), info, null, handle), "vkCreateCommandPool");
            return new CommandPool(device, handle.get(0));
        }
    }

    public CommandBuffer allocate() {
        return CommandBuffer.allocate(device, this);
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyCommandPool(device.handle(), handle, null);
        }
    }
}
