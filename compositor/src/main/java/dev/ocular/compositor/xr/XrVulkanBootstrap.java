package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.KHRVulkanEnable2.*;
import static org.lwjgl.system.MemoryStack.stackPush;

import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.gpu.GpuSetupException;
import dev.ocular.gpu.VulkanBootstrap;
import dev.ocular.gpu.VulkanException;
import java.nio.IntBuffer;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XrGraphicsRequirementsVulkanKHR;
import org.lwjgl.openxr.XrVulkanDeviceCreateInfoKHR;
import org.lwjgl.openxr.XrVulkanGraphicsDeviceGetInfoKHR;
import org.lwjgl.openxr.XrVulkanInstanceCreateInfoKHR;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;

/**
 * Lets the OpenXR runtime create the Vulkan instance and device (XR_KHR_vulkan_enable2) and dictate the physical
 * device, so the runtime can add the extensions it needs to share images with its compositor.
 */
public final class XrVulkanBootstrap implements VulkanBootstrap {
    private final XrRuntime runtime;

    public XrVulkanBootstrap(XrRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public VkInstance createInstance(VkInstanceCreateInfo info) {
        try (MemoryStack stack = stackPush()) {
            // The spec requires the requirements query before any other vulkan_enable2 call.
            XrGraphicsRequirementsVulkanKHR requirements = XrGraphicsRequirementsVulkanKHR.calloc(stack).type$Default();
            XrException.check(xrGetVulkanGraphicsRequirements2KHR(runtime.instance(), runtime.systemId(),
                    requirements), "xrGetVulkanGraphicsRequirements2KHR");
            XrVulkanInstanceCreateInfoKHR create = XrVulkanInstanceCreateInfoKHR.calloc(stack).type$Default()
                    .systemId(runtime.systemId())
                    .pfnGetInstanceProcAddr(VK.getFunctionProvider().getFunctionAddress("vkGetInstanceProcAddr"))
                    .vulkanCreateInfo(info);
            PointerBuffer handle = stack.mallocPointer(1);
            IntBuffer vkResult = stack.mallocInt(1);
            XrException.check(xrCreateVulkanInstanceKHR(runtime.instance(), create, handle, vkResult),
                    "xrCreateVulkanInstanceKHR");
            VulkanException.check(vkResult.get(0), "vkCreateInstance (through xrCreateVulkanInstanceKHR)");
            return new VkInstance(handle.get(0), info);
        }
    }

    @Override
    public DeviceCapabilities choosePhysicalDevice(VkInstance instance, List<DeviceCapabilities> candidates,
            String selector) {
        try (MemoryStack stack = stackPush()) {
            XrVulkanGraphicsDeviceGetInfoKHR get = XrVulkanGraphicsDeviceGetInfoKHR.calloc(stack).type$Default()
                    .systemId(runtime.systemId()).vulkanInstance(instance);
            PointerBuffer handle = stack.mallocPointer(1);
            XrException.check(xrGetVulkanGraphicsDevice2KHR(runtime.instance(), get, handle),
                    "xrGetVulkanGraphicsDevice2KHR");
            long wanted = handle.get(0);
            DeviceCapabilities chosen = candidates.stream().filter(d -> d.handle().address() == wanted).findFirst()
                    .orElseThrow(() -> new GpuSetupException("the OpenXR runtime chose a Vulkan device the instance "
                            + "does not list"));
            if (!chosen.missingRequirements().isEmpty()) {
                throw new GpuSetupException("the OpenXR runtime's device " + chosen.name() + " lacks "
                        + String.join(", ", chosen.missingRequirements()));
            }
            return chosen;
        }
    }

    @Override
    public VkDevice createDevice(VkPhysicalDevice physicalDevice, VkDeviceCreateInfo info, int apiVersion) {
        try (MemoryStack stack = stackPush()) {
            XrVulkanDeviceCreateInfoKHR create = XrVulkanDeviceCreateInfoKHR.calloc(stack).type$Default()
                    .systemId(runtime.systemId())
                    .pfnGetInstanceProcAddr(VK.getFunctionProvider().getFunctionAddress("vkGetInstanceProcAddr"))
                    .vulkanPhysicalDevice(physicalDevice)
                    .vulkanCreateInfo(info);
            PointerBuffer handle = stack.mallocPointer(1);
            IntBuffer vkResult = stack.mallocInt(1);
            XrException.check(xrCreateVulkanDeviceKHR(runtime.instance(), create, handle, vkResult),
                    "xrCreateVulkanDeviceKHR");
            VulkanException.check(vkResult.get(0), "vkCreateDevice (through xrCreateVulkanDeviceKHR)");
            return new VkDevice(handle.get(0), physicalDevice, info, apiVersion);
        }
    }
}
