package dev.ocular.compositor.run;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.gpu.GpuContext;
import java.util.function.Supplier;

/**
 * What a {@link CompositorRunner} listener sees after each frame, on the frame-loop thread (the only thread that may
 * use {@link #gpu()} and {@link #pipeline()}). The log may be read from other threads under its monitor.
 */
public final class LoopState {
    private final FrameRecorder recorder;
    private final StereoPipeline pipeline;
    private final GpuContext gpu;
    private final Supplier<String> sessionState;
    private final String runtimeName;
    private final String systemName;

    LoopState(FrameRecorder recorder, StereoPipeline pipeline, GpuContext gpu, Supplier<String> sessionState,
            String runtimeName, String systemName) {
        this.recorder = recorder;
        this.pipeline = pipeline;
        this.gpu = gpu;
        this.sessionState = sessionState;
        this.runtimeName = runtimeName;
        this.systemName = systemName;
    }

    public int frames() {
        return recorder.frames();
    }

    public int late() {
        return recorder.late();
    }

    public int discarded() {
        return recorder.discarded();
    }

    public int historyResets() {
        return recorder.historyResets();
    }

    public FrameLog log() {
        return recorder.log();
    }

    public StereoPipeline pipeline() {
        return pipeline;
    }

    /** The frame that just completed. */
    public StereoPipeline.Frame last() {
        return recorder.last();
    }

    public GpuContext gpu() {
        return gpu;
    }

    /** The OpenXR session state name, or NONE for sinks without a runtime. */
    public String sessionState() {
        return sessionState.get();
    }

    public String runtimeName() {
        return runtimeName;
    }

    public String systemName() {
        return systemName;
    }
}
