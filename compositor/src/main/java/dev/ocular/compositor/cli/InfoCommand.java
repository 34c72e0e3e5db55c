package dev.ocular.compositor.cli;

import dev.ocular.compositor.xr.RuntimeInfo;
import dev.ocular.compositor.xr.XrRuntime;
import dev.ocular.compositor.xr.XrUnavailableException;
import dev.ocular.gpu.CoopMatShape;
import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.gpu.DeviceProbe;
import dev.ocular.gpu.DeviceSelection;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.GpuSetupException;
import dev.ocular.gpu.VulkanBootstrap;
import dev.ocular.gpu.VulkanInstance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocular info}: every Vulkan device with its cooperative-matrix shapes, and the OpenXR runtime and system. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List Vulkan devices (cooperative-matrix shapes, upscaler path) and the OpenXR runtime.")
final class InfoCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--device", description = "Device to mark as selected (name substring or index; default: "
            + "OCULAR_DEVICE, else the best discrete GPU, else the first qualifying device).")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("vulkan", vulkan());
        report.put("openxr", openXr());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.print(InfoText.render(report));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> vulkan() {
        try (VulkanInstance instance = VulkanInstance.create(
                GpuOptions.defaults("ocular-info").withValidation(false), VulkanBootstrap.DIRECT)) {
            List<DeviceCapabilities> devices = DeviceProbe.all(instance.handle());
            Map<String, Object> v = new LinkedHashMap<>();
            List<Map<String, Object>> list = new ArrayList<>();
            for (DeviceCapabilities d : devices) {
                list.add(describe(d));
            }
            v.put("devices", list);
            DeviceCapabilities selected = DeviceSelection.choose(devices, device);
            v.put("selected_index", selected.index());
            return v;
        }
    }

    static Map<String, Object> describe(DeviceCapabilities d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", d.index());
        m.put("name", d.name());
        m.put("type", d.deviceTypeName());
        m.put("driver_name", d.driverName());
        m.put("driver_info", d.driverInfo());
        m.put("api_version", d.apiVersionString());
        m.put("vendor_id", String.format("0x%04x", d.vendorId()));
        m.put("device_id", String.format("0x%04x", d.deviceId()));
        m.put("subgroup_size", d.subgroupSize());
        m.put("subgroup_size_range", List.of(d.minSubgroupSize(), d.maxSubgroupSize()));
        m.put("shader_float16", d.shaderFloat16());
        m.put("storage_buffer_16bit", d.storageBuffer16BitAccess());
        m.put("vulkan_memory_model", d.vulkanMemoryModel());
        m.put("timeline_semaphore", d.timelineSemaphore());
        m.put("multiview", d.multiview());
        m.put("cooperative_matrix", d.cooperativeMatrix());
        m.put("cooperative_matrix2_nv", d.cooperativeMatrix2());
        List<Map<String, Object>> shapes = new ArrayList<>();
        for (CoopMatShape s : d.coopMatShapes()) {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("m", s.m());
            shape.put("n", s.n());
            shape.put("k", s.k());
            shape.put("a", CoopMatShape.typeName(s.aType()));
            shape.put("b", CoopMatShape.typeName(s.bType()));
            shape.put("c", CoopMatShape.typeName(s.cType()));
            shape.put("result", CoopMatShape.typeName(s.resultType()));
            shape.put("saturating", s.saturatingAccumulation());
            shape.put("scope", CoopMatShape.scopeName(s.scope()));
            shapes.add(shape);
        }
        m.put("cooperative_matrix_shapes", shapes);
        List<String> missing = d.missingRequirements();
        m.put("qualifies", missing.isEmpty());
        if (!missing.isEmpty()) {
            m.put("missing", missing);
        }
        m.put("upscaler_path", UpscalerPath.describe(d));
        return m;
    }

    private static Map<String, Object> openXr() {
        Map<String, Object> m = new LinkedHashMap<>();
        try (XrRuntime runtime = XrRuntime.create("ocular-info")) {
            RuntimeInfo info = runtime.info();
            m.put("available", true);
            m.put("runtime_name", info.runtimeName());
            m.put("runtime_version", info.runtimeVersion());
            m.put("system_name", info.systemName());
            m.put("vendor_id", info.vendorId());
            m.put("orientation_tracking", info.orientationTracking());
            m.put("position_tracking", info.positionTracking());
            m.put("view_count", info.views().size());
            List<Map<String, Object>> views = new ArrayList<>();
            for (RuntimeInfo.ViewInfo v : info.views()) {
                views.add(Map.of("recommended_width", v.recommendedWidth(), "recommended_height",
                        v.recommendedHeight(), "max_width", v.maxWidth(), "max_height", v.maxHeight()));
            }
            m.put("views", views);
            m.put("enabled_extensions", info.enabledExtensions());
        } catch (XrUnavailableException | GpuSetupException e) {
            m.put("available", false);
            m.put("reason", e.getMessage());
        }
        return m;
    }
}
