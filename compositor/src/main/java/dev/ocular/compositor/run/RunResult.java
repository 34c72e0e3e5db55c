package dev.ocular.compositor.run;

import java.nio.file.Path;

/** What a run did, for the command's summary line and tests. */
public record RunResult(int framesSubmitted, int framesLate, int framesDiscarded, int historyResets,
        double meanFrameMs, double p99FrameMs, Path reportJson) {
}
