package dev.ocular.compositor.cli;

import java.util.List;
import java.util.Map;

/** The human-readable form of `ocular info`'s report. */
final class InfoText {
    private InfoText() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> vulkan = (Map<String, Object>) report.get("vulkan");
        out.append("Vulkan devices:\n");
        for (Map<String, Object> d : (List<Map<String, Object>>) vulkan.get("devices")) {
            boolean selected = d.get("index").equals(vulkan.get("selected_index"));
            out.append(String.format("%s [%s] %s (%s), Vulkan %s, %s %s%n", selected ? "*" : " ", d.get("index"),
                    d.get("name"), d.get("type"), d.get("api_version"), d.get("driver_name"), d.get("driver_info")));
            out.append(String.format("      subgroup %s, fp16 %s, 16-bit storage %s, memory model %s%n",
                    d.get("subgroup_size"), d.get("shader_float16"), d.get("storage_buffer_16bit"),
                    d.get("vulkan_memory_model")));
            List<Map<String, Object>> shapes = (List<Map<String, Object>>) d.get("cooperative_matrix_shapes");
            out.append("      VK_KHR_cooperative_matrix: ").append(d.get("cooperative_matrix"))
                    .append(Boolean.TRUE.equals(d.get("cooperative_matrix2_nv")) ? " (+ VK_NV_cooperative_matrix2)" : "")
                    .append('\n');
            for (Map<String, Object> s : shapes) {
                out.append(String.format("        %sx%sx%s  %s*%s+%s->%s  %s%s%n", s.get("m"), s.get("n"), s.get("k"),
                        s.get("a"), s.get("b"), s.get("c"), s.get("result"), s.get("scope"),
                        Boolean.TRUE.equals(s.get("saturating")) ? " saturating" : ""));
            }
            Map<String, Object> path = (Map<String, Object>) d.get("upscaler_path");
            out.append("      vr-net path: ").append(path.get("path"))
                    .append(path.containsKey("coopmat_shape") ? " (" + path.get("coopmat_shape") + ")" : "")
                    .append('\n');
            if (d.containsKey("missing")) {
                out.append("      does not qualify: missing ").append(d.get("missing")).append('\n');
            }
        }
        Map<String, Object> xr = (Map<String, Object>) report.get("openxr");
        if (Boolean.TRUE.equals(xr.get("available"))) {
            out.append(String.format("OpenXR runtime: %s %s%n", xr.get("runtime_name"), xr.get("runtime_version")));
            out.append(String.format("  system: %s, %s views%n", xr.get("system_name"), xr.get("view_count")));
            for (Map<String, Object> v : (List<Map<String, Object>>) xr.get("views")) {
                out.append(String.format("    recommended %sx%s, max %sx%s%n", v.get("recommended_width"),
                        v.get("recommended_height"), v.get("max_width"), v.get("max_height")));
            }
        } else {
            out.append("OpenXR runtime: none (").append(xr.get("reason")).append(")\n");
        }
        return out.toString();
    }
}
