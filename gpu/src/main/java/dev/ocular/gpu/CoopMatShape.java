package dev.ocular.gpu;

import static org.lwjgl.vulkan.KHRCooperativeMatrix.*;

/**
 * One entry of vkGetPhysicalDeviceCooperativeMatrixPropertiesKHR: A is M×K, B is K×N, C and the result are M×N.
 * Component types are the VkComponentTypeKHR values; {@link #typeName(int)} gives their short names.
 */
public record CoopMatShape(int m, int n, int k, int aType, int bType, int cType, int resultType,
        boolean saturatingAccumulation, int scope) {

    public boolean isSubgroupScope() {
        return scope == VK_SCOPE_SUBGROUP_KHR;
    }

    /** fp16 inputs with the given accumulator type (FLOAT16 or FLOAT32), subgroup scope. */
    public boolean isFp16With(int accumulator) {
        return aType == VK_COMPONENT_TYPE_FLOAT16_KHR && bType == VK_COMPONENT_TYPE_FLOAT16_KHR
                && cType == accumulator && resultType == accumulator && isSubgroupScope();
    }

    public String describe() {
        return m + "x" + n + "x" + k + " " + typeName(aType) + "*" + typeName(bType) + "+" + typeName(cType) + "->"
                + typeName(resultType) + (saturatingAccumulation ? " sat" : "") + " " + scopeName(scope);
    }

    public static String typeName(int type) {
        return switch (type) {
            case VK_COMPONENT_TYPE_FLOAT16_KHR -> "f16";
            case VK_COMPONENT_TYPE_FLOAT32_KHR -> "f32";
            case VK_COMPONENT_TYPE_FLOAT64_KHR -> "f64";
            case VK_COMPONENT_TYPE_SINT8_KHR -> "s8";
            case VK_COMPONENT_TYPE_SINT16_KHR -> "s16";
            case VK_COMPONENT_TYPE_SINT32_KHR -> "s32";
            case VK_COMPONENT_TYPE_SINT64_KHR -> "s64";
            case VK_COMPONENT_TYPE_UINT8_KHR -> "u8";
            case VK_COMPONENT_TYPE_UINT16_KHR -> "u16";
            case VK_COMPONENT_TYPE_UINT32_KHR -> "u32";
            case VK_COMPONENT_TYPE_UINT64_KHR -> "u64";
            case 1000141000 -> "bf16"; // VK_COMPONENT_TYPE_BFLOAT16_KHR (VK_KHR_shader_bfloat16), newer than LWJGL 3.3.6
            default -> "type" + type;
        };
    }

    public static String scopeName(int scope) {
        return switch (scope) {
            case VK_SCOPE_DEVICE_KHR -> "device";
            case VK_SCOPE_WORKGROUP_KHR -> "workgroup";
            case VK_SCOPE_SUBGROUP_KHR -> "subgroup";
            case VK_SCOPE_QUEUE_FAMILY_KHR -> "queue-family";
            default -> "scope" + scope;
        };
    }
}
