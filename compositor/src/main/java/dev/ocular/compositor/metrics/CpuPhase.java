package dev.ocular.compositor.metrics;

/** The host-side phases of one frame, timed with System.nanoTime. */
public enum CpuPhase {
    /** Blocked in xrWaitFrame (frame pacing; 0 for sinks without a runtime). */
    WAIT("xrWaitFrame"),
    /** xrBeginFrame. */
    BEGIN("xrBeginFrame"),
    /** Recording both eyes' command buffers (scene, reconstruction, distortion, compose). */
    RECORD("record"),
    /** Queue submission until the GPU finished the frame (ocular waits before releasing swapchain images). */
    SUBMIT("submit+gpu"),
    /** xrEndFrame, or the sink's write for headless/panel sinks. */
    END("xrEndFrame");

    private final String label;

    CpuPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
