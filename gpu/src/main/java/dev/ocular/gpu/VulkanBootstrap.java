package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.vkCreateDevice;
import static org.lwjgl.vulkan.VK10.vkCreateInstance;

import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkPhysicalDevice;

/**
 * How the Vulkan instance and device come to be. Plain Vulkan creates them itself ({@link #DIRECT}); an OpenXR
 * runtime must create them ({@code xrCreateVulkanInstanceKHR}, {@code xrCreateVulkanDeviceKHR}) and dictates the
 * physical device, so the compositor supplies its own implementation.
 */
public interface VulkanBootstrap {
    VulkanBootstrap DIRECT = new VulkanBootstrap() {
    };

    /** Instance extensions this bootstrap needs beyond ocular's own. */
    default List<String> instanceExtensions() {
        return List.of();
    }

    /** Device extensions this bootstrap needs beyond ocular's own. */
    default List<String> deviceExtensions() {
        return List.of();
    }

    default VkInstance createInstance(VkInstanceCreateInfo info) {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer handle = stack.mallocPointer(1);
            VulkanException.check(vkCreateInstance(info, null, handle), "vkCreateInstance");
            return new VkInstance(handle.get(0), info);
        }
    }

    /**
     * Picks the physical device among {@code candidates} (all devices the instance sees, in enumeration order).
     * The default honours {@code selector} (name substring or index; see {@link DeviceSelection}).
     */
    default DeviceCapabilities choosePhysicalDevice(VkInstance instance, List<DeviceCapabilities> candidates,
            String selector) {
        return DeviceSelection.choose(candidates, selector);
    }

    default VkDevice createDevice(VkPhysicalDevice physicalDevice, VkDeviceCreateInfo info, int apiVersion) {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer handle = stack.mallocPointer(1);
            VulkanException.check(vkCreateDevice(physicalDevice, info, null, handle), "vkCreateDevice");
            return new VkDevice(handle.get(0), physicalDevice, info, apiVersion);
        }
    }
}
