package dev.ocular.gpu.shader;

import static org.lwjgl.util.shaderc.Shaderc.*;
import static org.lwjgl.vulkan.VK10.*;

/** Shader stages ocular compiles, with their shaderc kind and Vulkan stage bit. */
public enum ShaderStage {
    COMPUTE(shaderc_glsl_compute_shader, VK_SHADER_STAGE_COMPUTE_BIT),
    VERTEX(shaderc_glsl_vertex_shader, VK_SHADER_STAGE_VERTEX_BIT),
    FRAGMENT(shaderc_glsl_fragment_shader, VK_SHADER_STAGE_FRAGMENT_BIT);

    private final int shadercKind;
    private final int vkStage;

    ShaderStage(int shadercKind, int vkStage) {
        this.shadercKind = shadercKind;
        this.vkStage = vkStage;
    }

    public int shadercKind() {
        return shadercKind;
    }

    public int vkStage() {
        return vkStage;
    }

    /** By file extension: .comp, .vert, .frag. */
    public static ShaderStage ofPath(String path) {
        if (path.endsWith(".comp")) {
            return COMPUTE;
        }
        if (path.endsWith(".vert")) {
            return VERTEX;
        }
        if (path.endsWith(".frag")) {
            return FRAGMENT;
        }
        throw new IllegalArgumentException("unknown shader stage for " + path + " (expected .comp, .vert or .frag)");
    }
}
