package dev.ocular.gpu;

import static org.lwjgl.vulkan.VK10.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lwjgl.vulkan.VkPhysicalDevice;

/**
 * What one physical device offers, as probed by {@link DeviceProbe}: identity, limits, the optional features ocular
 * uses, and the full cooperative-matrix property list. Immutable.
 *
 * @param queueFamily a queue family with graphics and compute, or -1 when the device has none
 * @param timestampValidBits valid bits of that family's timestamps (0: no timestamps)
 */
public record DeviceCapabilities(
        VkPhysicalDevice handle, int index, String name, int deviceType, int vendorId, int deviceId,
        int apiVersion, int driverVersion, String driverName, String driverInfo,
        int subgroupSize, int minSubgroupSize, int maxSubgroupSize,
        int maxComputeWorkGroupInvocations, int maxComputeSharedMemorySize, int maxPushConstantsSize,
        float timestampPeriod, boolean timestampComputeAndGraphics, int queueFamily, int timestampValidBits,
        boolean storageBuffer16BitAccess, boolean shaderFloat16, boolean shaderInt8, boolean storageBuffer8BitAccess,
        boolean vulkanMemoryModel, boolean vulkanMemoryModelDeviceScope, boolean timelineSemaphore,
        boolean synchronization2, boolean dynamicRendering, boolean multiview, boolean subgroupSizeControl,
        boolean computeFullSubgroups, boolean pushDescriptor, boolean shaderSubgroupExtendedTypes,
        boolean cooperativeMatrix, List<CoopMatShape> coopMatShapes, boolean cooperativeMatrix2,
        Set<String> extensions, boolean independentBlend) {

    public String deviceTypeName() {
        return switch (deviceType) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> "discrete-gpu";
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> "integrated-gpu";
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> "virtual-gpu";
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> "cpu";
            default -> "other";
        };
    }

    public String apiVersionString() {
        return VK_API_VERSION_MAJOR(apiVersion) + "." + VK_API_VERSION_MINOR(apiVersion) + "."
                + VK_API_VERSION_PATCH(apiVersion);
    }

    /** True when the device can run fp16 cooperative-matrix kernels: feature, fp16 storage and arithmetic, memory model. */
    public boolean canRunFp16CoopMat() {
        return cooperativeMatrix && storageBuffer16BitAccess && shaderFloat16 && vulkanMemoryModel
                && coopMatShapes.stream().anyMatch(s -> s.isSubgroupScope()
                        && s.aType() == org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR);
    }

    /** Features ocular cannot run without; empty when the device qualifies. */
    public List<String> missingRequirements() {
        List<String> missing = new ArrayList<>();
        if (VK_API_VERSION_MINOR(apiVersion) < 3 && VK_API_VERSION_MAJOR(apiVersion) == 1) {
            missing.add("Vulkan 1.3 (device offers " + apiVersionString() + ")");
        }
        if (queueFamily < 0) {
            missing.add("a queue family with graphics and compute");
        }
        if (!timelineSemaphore) {
            missing.add("timelineSemaphore");
        }
        if (!synchronization2) {
            missing.add("synchronization2");
        }
        if (!dynamicRendering) {
            missing.add("dynamicRendering");
        }
        if (!pushDescriptor) {
            missing.add("VK_KHR_push_descriptor");
        }
        return missing;
    }
}
