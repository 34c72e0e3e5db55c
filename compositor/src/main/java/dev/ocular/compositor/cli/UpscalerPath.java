package dev.ocular.compositor.cli;

import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT32_KHR;

import dev.ocular.gpu.CoopMatShape;
import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.gpu.probe.CoopMatGemm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What `ocular info` reports as the vr-net path a device will run. */
final class UpscalerPath {
    private UpscalerPath() {
    }

    static Map<String, Object> describe(DeviceCapabilities d) {
        Map<String, Object> m = new LinkedHashMap<>();
        String forced = System.getenv("OCULAR_NET_PATH");
        Optional<CoopMatShape> f32 = CoopMatGemm.chooseShape(d, VK_COMPONENT_TYPE_FLOAT32_KHR);
        Optional<CoopMatShape> shape = f32.isPresent() ? f32 : CoopMatGemm.chooseShape(d, VK_COMPONENT_TYPE_FLOAT16_KHR);
        String path = shape.isPresent() ? "coopmat" : "scalar";
        if (forced != null && !forced.isBlank()) {
            m.put("forced_by", "OCULAR_NET_PATH");
            path = forced;
        }
        m.put("path", path);
        shape.ifPresent(s -> m.put("coopmat_shape", s.describe()));
        return m;
    }
}
