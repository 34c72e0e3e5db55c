package dev.ocular.compositor.run;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import java.nio.file.Path;

/**
 * What a run did, for the command's summary line and tests.
 *
 * @param runtimeLost why the OpenXR runtime was lost mid-run, or null when it was not
 * @param quality    the last frame against the native reference, or null when not measured
 * @param validationMessages Vulkan validation/debug messages logged during the run (0 unless validation is on)
 */
public record RunResult(int framesSubmitted, int framesLate, int framesDiscarded, int historyResets,
        double meanFrameMs, double p99FrameMs, Path reportJson, FrameLog log, String runtimeLost,
        int validationMessages, RunInfo info, QualityResult quality) {
}
