package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_KHR_COOPERATIVE_MATRIX_EXTENSION_NAME;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR;
import static org.lwjgl.vulkan.KHRPushDescriptor.VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME;
import static org.lwjgl.vulkan.NVCooperativeMatrix2.VK_NV_COOPERATIVE_MATRIX_2_EXTENSION_NAME;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK11.vkGetPhysicalDeviceFeatures2;
import static org.lwjgl.vulkan.VK11.vkGetPhysicalDeviceProperties2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCooperativeMatrixPropertiesKHR;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceCooperativeMatrix2FeaturesNV;
import org.lwjgl.vulkan.VkPhysicalDeviceCooperativeMatrixFeaturesKHR;
import org.lwjgl.vulkan.VkPhysicalDeviceFeatures2;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties2;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan11Features;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan11Properties;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan12Features;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan12Properties;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan13Features;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan13Properties;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/** Reads what each physical device offers. Pure queries; creates nothing. */
public final class DeviceProbe {
    private DeviceProbe() {
    }

    /** Every physical device the instance sees, in enumeration order. */
    public static List<DeviceCapabilities> all(VkInstance instance) {
        try (MemoryStack stack = stackPush()) {
            int[] count = new int[1];
            VulkanException.check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
            PointerBuffer handles = stack.mallocPointer(count[0]);
            VulkanException.check(vkEnumeratePhysicalDevices(instance, count, handles), "vkEnumeratePhysicalDevices");
            List<DeviceCapabilities> result = new ArrayList<>();
            for (int i = 0; i < count[0]; i++) {
                result.add(probe(new VkPhysicalDevice(handles.get(i), instance), i));
            }
            return result;
        }
    }

    public static DeviceCapabilities probe(VkPhysicalDevice device, int index) {
        try (MemoryStack stack = stackPush()) {
            Set<String> extensions = extensions(device, stack);
            VkPhysicalDeviceProperties basic = VkPhysicalDeviceProperties.malloc(stack);
            vkGetPhysicalDeviceProperties(device, basic);
            int api = basic.apiVersion();
            boolean is13 = VK_API_VERSION_MAJOR(api) > 1 || VK_API_VERSION_MINOR(api) >= 3;

            VkPhysicalDeviceVulkan11Properties p11 = VkPhysicalDeviceVulkan11Properties.calloc(stack).sType$Default();
            VkPhysicalDeviceVulkan12Properties p12 = VkPhysicalDeviceVulkan12Properties.calloc(stack).sType$Default();
            VkPhysicalDeviceVulkan13Properties p13 = VkPhysicalDeviceVulkan13Properties.calloc(stack).sType$Default();
            p11.pNext(p12.address());
            if (is13) {
                p12.pNext(p13.address());
            }
            VkPhysicalDeviceProperties2 props = VkPhysicalDeviceProperties2.calloc(stack).sType$Default()
                    .pNext(p11.address());
            vkGetPhysicalDeviceProperties2(device, props);

            VkPhysicalDeviceVulkan11Features f11 = VkPhysicalDeviceVulkan11Features.calloc(stack).sType$Default();
            VkPhysicalDeviceVulkan12Features f12 = VkPhysicalDeviceVulkan12Features.calloc(stack).sType$Default();
            VkPhysicalDeviceVulkan13Features f13 = VkPhysicalDeviceVulkan13Features.calloc(stack).sType$Default();
            VkPhysicalDeviceCooperativeMatrixFeaturesKHR fcm = VkPhysicalDeviceCooperativeMatrixFeaturesKHR
                    .calloc(stack).sType$Default();
            VkPhysicalDeviceCooperativeMatrix2FeaturesNV fcm2 = VkPhysicalDeviceCooperativeMatrix2FeaturesNV
                    .calloc(stack).sType$Default();
            boolean hasCoopMat = extensions.contains(VK_KHR_COOPERATIVE_MATRIX_EXTENSION_NAME);
            boolean hasCoopMat2 = extensions.contains(VK_NV_COOPERATIVE_MATRIX_2_EXTENSION_NAME);
            long chain = 0;
            if (hasCoopMat2) {
                fcm2.pNext(chain);
                chain = fcm2.address();
            }
            if (hasCoopMat) {
                fcm.pNext(chain);
                chain = fcm.address();
            }
            if (is13) {
                f13.pNext(chain);
                chain = f13.address();
            }
            f12.pNext(chain);
            f11.pNext(f12.address());
            VkPhysicalDeviceFeatures2 features = VkPhysicalDeviceFeatures2.calloc(stack).sType$Default()
                    .pNext(f11.address());
            vkGetPhysicalDeviceFeatures2(device, features);

            int family = graphicsComputeFamily(device, stack);
            List<CoopMatShape> shapes = hasCoopMat && fcm.cooperativeMatrix() ? coopMatShapes(device, stack)
                    : List.of();
            return new DeviceCapabilities(device, index, basic.deviceNameString(), basic.deviceType(),
                    basic.vendorID(), basic.deviceID(), api, basic.driverVersion(), p12.driverNameString(),
                    p12.driverInfoString(), p11.subgroupSize(), is13 ? p13.minSubgroupSize() : p11.subgroupSize(),
                    is13 ? p13.maxSubgroupSize() : p11.subgroupSize(),
                    basic.limits().maxComputeWorkGroupInvocations(), basic.limits().maxComputeSharedMemorySize(),
                    basic.limits().maxPushConstantsSize(), basic.limits().timestampPeriod(),
                    basic.limits().timestampComputeAndGraphics(), family, family < 0 ? 0 : timestampBits(device, family, stack),
                    f11.storageBuffer16BitAccess(), f12.shaderFloat16(), f12.shaderInt8(),
                    f12.storageBuffer8BitAccess(), f12.vulkanMemoryModel(), f12.vulkanMemoryModelDeviceScope(),
                    f12.timelineSemaphore(), is13 && f13.synchronization2(), is13 && f13.dynamicRendering(),
                    f11.multiview(), is13 && f13.subgroupSizeControl(), is13 && f13.computeFullSubgroups(),
                    extensions.contains(VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME),
                    f12.shaderSubgroupExtendedTypes(), hasCoopMat && fcm.cooperativeMatrix(), shapes,
                    hasCoopMat2 && fcm2.cooperativeMatrixWorkgroupScope(), Set.copyOf(extensions),
                    features.features().independentBlend());
        }
    }

    private static List<CoopMatShape> coopMatShapes(VkPhysicalDevice device, MemoryStack stack) {
        int[] count = new int[1];
        VulkanException.check(vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR(device, count, null),
                "vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR");
        VkCooperativeMatrixPropertiesKHR.Buffer props = VkCooperativeMatrixPropertiesKHR.calloc(count[0], stack);
        props.forEach(p -> p.sType$Default());
        VulkanException.check(vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR(device, count, props),
                "vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR");
        List<CoopMatShape> shapes = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            VkCooperativeMatrixPropertiesKHR p = props.get(i);
            shapes.add(new CoopMatShape(p.MSize(), p.NSize(), p.KSize(), p.AType(), p.BType(), p.CType(),
                    p.ResultType(), p.saturatingAccumulation(), p.scope()));
        }
        return List.copyOf(shapes);
    }

    private static int graphicsComputeFamily(VkPhysicalDevice device, MemoryStack stack) {
        int[] count = new int[1];
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count[0], stack);
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, families);
        int wanted = VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT;
        for (int i = 0; i < count[0]; i++) {
            if ((families.get(i).queueFlags() & wanted) == wanted && families.get(i).timestampValidBits() > 0) {
                return i;
            }
        }
        for (int i = 0; i < count[0]; i++) {
            if ((families.get(i).queueFlags() & wanted) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int timestampBits(VkPhysicalDevice device, int family, MemoryStack stack) {
        int[] count = new int[1];
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count[0], stack);
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, families);
        return families.get(family).timestampValidBits();
    }

    private static Set<String> extensions(VkPhysicalDevice device, MemoryStack stack) {
        int[] count = new int[1];
        VulkanException.check(vkEnumerateDeviceExtensionProperties(device, (String) null, count, null),
                "vkEnumerateDeviceExtensionProperties");
        VkExtensionProperties.Buffer props = VkExtensionProperties.malloc(count[0], stack);
        VulkanException.check(vkEnumerateDeviceExtensionProperties(device, (String) null, count, props),
                "vkEnumerateDeviceExtensionProperties");
        Set<String> names = new LinkedHashSet<>();
        props.forEach(p -> names.add(p.extensionNameString()));
        return names;
    }
}
