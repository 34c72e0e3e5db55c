package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.vmaCreateAllocator;
import static org.lwjgl.util.vma.Vma.vmaDestroyAllocator;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.vma.VmaAllocatorCreateInfo;
import org.lwjgl.util.vma.VmaVulkanFunctions;

/** The Vulkan Memory Allocator instance every buffer and image of a context is allocated from. */
public final class MemoryAllocator implements AutoCloseable {
    private final long handle;
    private boolean closed;

    private MemoryAllocator(long handle) {
        this.handle = handle;
    }

    public static MemoryAllocator create(VulkanInstance instance, GpuDevice device) {
        try (MemoryStack stack = stackPush()) {
            VmaVulkanFunctions functions = VmaVulkanFunctions.calloc(stack).set(instance.handle(), device.handle());
            VmaAllocatorCreateInfo info = VmaAllocatorCreateInfo.calloc(stack)
                    .physicalDevice(device.capabilities().handle())
                    .device(device.handle())
                    .instance(instance.handle())
                    .pVulkanFunctions(functions)
                    .vulkanApiVersion(VulkanInstance.API_VERSION);
            PointerBuffer handle = stack.mallocPointer(1);
            VulkanException.check(vmaCreateAllocator(info, handle), "vmaCreateAllocator");
            return new MemoryAllocator(handle.get(0));
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vmaDestroyAllocator(handle);
        }
    }
}
