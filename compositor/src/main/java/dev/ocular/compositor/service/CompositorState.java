package dev.ocular.compositor.service;

import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.StereoEye;
import java.util.Objects;

/**
 * A snapshot of the running compositor, as the service shows it.
 *
 * @param sessionState the OpenXR session state name (IDLE, READY, FOCUSED…; "NONE" for sinks without a runtime)
 * @param runtimeName OpenXR runtime, null without one
 * @param systemName OpenXR system (headset), null without one
 * @param lensProfile the lens profile applied, null when none
 */
public record CompositorState(String scene, String sink, String sessionState, String runtimeName, String systemName,
        String lensProfile, FrameCounters counters, EyeConfig left, EyeConfig right) {
    public CompositorState {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(sessionState, "sessionState");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    public EyeConfig eye(StereoEye eye) {
        return eye == StereoEye.LEFT ? left : right;
    }
}
