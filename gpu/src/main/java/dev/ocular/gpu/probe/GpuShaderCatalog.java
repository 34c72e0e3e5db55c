package dev.ocular.gpu.probe;

import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT32_KHR;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.List;

/** The gpu module's shader variants. */
public final class GpuShaderCatalog implements ShaderCatalog {
    @Override
    public String module() {
        return "gpu";
    }

    @Override
    public List<ShaderSource> variants() {
        return List.of(CoopMatGemm.variant(VK_COMPONENT_TYPE_FLOAT32_KHR),
                CoopMatGemm.variant(VK_COMPONENT_TYPE_FLOAT16_KHR));
    }
}
