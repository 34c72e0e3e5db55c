package dev.ocular.compositor.service;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import java.util.Objects;

/**
 * The frames recorded between {@link CompositorControl#startProfiling()} and {@link
 * CompositorControl#stopProfiling()}. The log is handed over: the compositor no longer appends to it.
 *
 * @param quality the window's image quality against the native reference, or null
 */
public record ProfileCapture(FrameLog log, RunInfo info, QualityResult quality) {
    public ProfileCapture {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(info, "info");
    }
}
