package dev.ocular.compositor.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration and machine of one run, written into every report. The frame loop fills it; fields that do not
 * apply are null (no lens profile with the openxr sink, no commit outside a git checkout).
 *
 * @param scene test scene name
 * @param left the left eye's settings and sizes
 * @param right the right eye's settings and sizes
 * @param sink openxr, panel or headless
 * @param lensProfile lens profile name, null when ocular applies no distortion
 * @param runtimeName OpenXR runtime name and version, null for sinks without a runtime
 * @param systemName OpenXR system (headset) name, null without a runtime
 * @param gpuName Vulkan device name
 * @param gpuDriver Vulkan driver name and version
 * @param ocularCommit git commit of the ocular build, null when unknown
 * @param date when the run started
 * @param host JVM, OS and CPU
 * @param extra anything else worth recording (vr-net weights, seeds…), written as strings in insertion order
 */
public record RunInfo(String scene, EyeConfig left, EyeConfig right, String sink, String lensProfile,
        String runtimeName, String systemName, String gpuName, String gpuDriver, String ocularCommit, Instant date,
        HostFacts host, Map<String, String> extra) {

    public RunInfo {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(host, "host");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
    }

    public EyeConfig eye(StereoEye eye) {
        return eye == StereoEye.LEFT ? left : right;
    }
}
