package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_KHR_COOPERATIVE_MATRIX_EXTENSION_NAME;
import static org.lwjgl.vulkan.KHRPushDescriptor.VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME;
import static org.lwjgl.vulkan.NVCooperativeMatrix2.VK_NV_COOPERATIVE_MATRIX_2_EXTENSION_NAME;
import static org.lwjgl.vulkan.VK10.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDeviceCooperativeMatrix2FeaturesNV;
import org.lwjgl.vulkan.VkPhysicalDeviceCooperativeMatrixFeaturesKHR;
import org.lwjgl.vulkan.VkPhysicalDeviceFeatures2;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan11Features;
import org.lwjgl.vulkan.VkPhysicalDevice8BitStorageFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceHostQueryResetFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceScalarBlockLayoutFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceShaderFloat16Int8Features;
import org.lwjgl.vulkan.VkPhysicalDeviceShaderSubgroupExtendedTypesFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceTimelineSemaphoreFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkanMemoryModelFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceVulkan13Features;
import org.lwjgl.vulkan.VkQueue;

/**
 * The logical device and its one graphics+compute queue. Every optional feature the physical device offers and ocular
 * can use is enabled; {@link #capabilities()} says what the device offers, and enabled features are exactly the
 * offered ones among: 16-bit storage, shaderFloat16/Int8, 8-bit storage, Vulkan memory model, timeline semaphores,
 * synchronization2, dynamic rendering, multiview, subgroup size control, cooperative matrix (KHR, and NV 2 when present).
 * Single-threaded: one thread records and submits.
 */
public final class GpuDevice implements AutoCloseable {
    private final VkDevice handle;
    private final DeviceCapabilities capabilities;
    private final VkQueue queue;
    private final Set<String> enabledExtensions;
    private boolean closed;

    private GpuDevice(VkDevice handle, DeviceCapabilities capabilities, VkQueue queue, Set<String> extensions) {
        this.handle = handle;
        this.capabilities = capabilities;
        this.queue = queue;
        this.enabledExtensions = extensions;
    }

    public static GpuDevice create(DeviceCapabilities caps, VulkanBootstrap bootstrap) {
        List<String> missing = caps.missingRequirements();
        if (!missing.isEmpty()) {
            throw new GpuSetupException("device " + caps.name() + " lacks " + String.join(", ", missing)
                    + "; update its driver (Mesa 26 lavapipe qualifies) or pick another device with OCULAR_DEVICE");
        }
        Set<String> extensions = new LinkedHashSet<>(bootstrap.deviceExtensions());
        extensions.add(VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME);
        if (caps.cooperativeMatrix()) {
            extensions.add(VK_KHR_COOPERATIVE_MATRIX_EXTENSION_NAME);
        }
        if (caps.cooperativeMatrix2()) {
            extensions.add(VK_NV_COOPERATIVE_MATRIX_2_EXTENSION_NAME);
        }
        try (MemoryStack stack = stackPush()) {
            VkDeviceQueueCreateInfo.Buffer queues = VkDeviceQueueCreateInfo.calloc(1, stack);
            queues.get(0).sType$Default().queueFamilyIndex(caps.queueFamily()).pQueuePriorities(stack.floats(1f));

            VkPhysicalDeviceVulkan11Features f11 = VkPhysicalDeviceVulkan11Features.calloc(stack).sType$Default()
                    .storageBuffer16BitAccess(caps.storageBuffer16BitAccess())
                    .multiview(caps.multiview());
            // Vulkan 1.2 features go in their individual structs, not VkPhysicalDeviceVulkan12Features: an OpenXR
            // runtime (Monado 25) inserts its own VkPhysicalDeviceTimelineSemaphoreFeatures unless it finds one in
            // the chain, and that struct may not be combined with the 1.2 aggregate (VUID-VkDeviceCreateInfo-pNext-02830).
            VkPhysicalDeviceShaderFloat16Int8Features f16 = VkPhysicalDeviceShaderFloat16Int8Features.calloc(stack)
                    .sType$Default().shaderFloat16(caps.shaderFloat16()).shaderInt8(caps.shaderInt8());
            VkPhysicalDevice8BitStorageFeatures s8 = VkPhysicalDevice8BitStorageFeatures.calloc(stack).sType$Default()
                    .storageBuffer8BitAccess(caps.storageBuffer8BitAccess());
            VkPhysicalDeviceVulkanMemoryModelFeatures memoryModel = VkPhysicalDeviceVulkanMemoryModelFeatures
                    .calloc(stack).sType$Default().vulkanMemoryModel(caps.vulkanMemoryModel())
                    .vulkanMemoryModelDeviceScope(caps.vulkanMemoryModelDeviceScope());
            VkPhysicalDeviceTimelineSemaphoreFeatures timeline = VkPhysicalDeviceTimelineSemaphoreFeatures
                    .calloc(stack).sType$Default().timelineSemaphore(true);
            VkPhysicalDeviceHostQueryResetFeatures queryReset = VkPhysicalDeviceHostQueryResetFeatures.calloc(stack)
                    .sType$Default().hostQueryReset(true);
            VkPhysicalDeviceShaderSubgroupExtendedTypesFeatures subgroupTypes =
                    VkPhysicalDeviceShaderSubgroupExtendedTypesFeatures.calloc(stack).sType$Default()
                            .shaderSubgroupExtendedTypes(caps.shaderSubgroupExtendedTypes());
            VkPhysicalDeviceScalarBlockLayoutFeatures scalar = VkPhysicalDeviceScalarBlockLayoutFeatures.calloc(stack)
                    .sType$Default().scalarBlockLayout(true);
            VkPhysicalDeviceVulkan13Features f13 = VkPhysicalDeviceVulkan13Features.calloc(stack).sType$Default()
                    .synchronization2(true)
                    .dynamicRendering(true)
                    .maintenance4(true)
                    .subgroupSizeControl(caps.subgroupSizeControl())
                    .computeFullSubgroups(caps.computeFullSubgroups());
            f11.pNext(f16.address());
            f16.pNext(s8.address());
            s8.pNext(memoryModel.address());
            memoryModel.pNext(timeline.address());
            timeline.pNext(queryReset.address());
            queryReset.pNext(subgroupTypes.address());
            subgroupTypes.pNext(scalar.address());
            scalar.pNext(f13.address());
            long tail = 0;
            if (caps.cooperativeMatrix2()) {
                VkPhysicalDeviceCooperativeMatrix2FeaturesNV f = VkPhysicalDeviceCooperativeMatrix2FeaturesNV
                        .calloc(stack).sType$Default().cooperativeMatrixWorkgroupScope(true);
                tail = f.address();
            }
            if (caps.cooperativeMatrix()) {
                VkPhysicalDeviceCooperativeMatrixFeaturesKHR f = VkPhysicalDeviceCooperativeMatrixFeaturesKHR
                        .calloc(stack).sType$Default().cooperativeMatrix(true).pNext(tail);
                tail = f.address();
            }
            f13.pNext(tail);
            VkPhysicalDeviceFeatures2 features = VkPhysicalDeviceFeatures2.calloc(stack).sType$Default()
                    .pNext(f11.address());
            // independentBlend lets alpha-blended particles share a pass with opaque geometry while leaving their
            // motion-vector attachment unblended and unwritten.
            features.features().shaderInt16(true).samplerAnisotropy(false).independentBlend(caps.independentBlend());
            VkDeviceCreateInfo info = VkDeviceCreateInfo.calloc(stack).sType$Default()
                    .pNext(features.address())
                    .pQueueCreateInfos(queues)
                    .ppEnabledExtensionNames(VulkanInstance.strings(stack, List.copyOf(extensions)));
            VkDevice device = bootstrap.createDevice(caps.handle(), info, VulkanInstance.API_VERSION);
            PointerBuffer q = stack.mallocPointer(1);
            vkGetDeviceQueue(device, caps.queueFamily(), 0, q);
            return new GpuDevice(device, caps, new VkQueue(q.get(0), device), Set.copyOf(extensions));
        }
    }

    public VkDevice handle() {
        return handle;
    }

    public VkQueue queue() {
        return queue;
    }

    public int queueFamily() {
        return capabilities.queueFamily();
    }

    public DeviceCapabilities capabilities() {
        return capabilities;
    }

    public Set<String> enabledExtensions() {
        return enabledExtensions;
    }

    /** Blocks until the device has no work (tear-down, tests). */
    public void waitIdle() {
        VulkanException.check(vkDeviceWaitIdle(handle), "vkDeviceWaitIdle");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyDevice(handle, null);
        }
    }
}
