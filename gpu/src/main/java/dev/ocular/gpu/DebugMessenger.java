package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.EXTDebugUtils.vkCreateDebugUtilsMessengerEXT;
import static org.lwjgl.vulkan.EXTDebugUtils.vkDestroyDebugUtilsMessengerEXT;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkInstance;

/** A VkDebugUtilsMessengerEXT. The callback it names belongs to the {@link VulkanInstance}. */
public final class DebugMessenger implements AutoCloseable {
    private final VkInstance instance;
    private final long handle;
    private boolean closed;

    private DebugMessenger(VkInstance instance, long handle) {
        this.instance = instance;
        this.handle = handle;
    }

    static DebugMessenger create(VkInstance instance, VkDebugUtilsMessengerCreateInfoEXT info) {
        try (MemoryStack stack = stackPush()) {
            LongBuffer handle = stack.mallocLong(1);
            long next = info.pNext();
            info.pNext(0); // the layer-settings struct chained for instance creation does not belong here
            try {
                VulkanException.check(vkCreateDebugUtilsMessengerEXT(instance, info, null, handle),
                        "vkCreateDebugUtilsMessengerEXT");
            } finally {
                info.pNext(next);
            }
            return new DebugMessenger(instance, handle.get(0));
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyDebugUtilsMessengerEXT(instance, handle, null);
        }
    }
}
