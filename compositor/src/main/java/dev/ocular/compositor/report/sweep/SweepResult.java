package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.RunStats;
import java.util.Objects;

/**
 * One finished configuration of a sweep.
 *
 * @param info the configuration as the run applied it (per-eye preset and method come from here)
 * @param quality per-eye PSNR/FLIP against the native reference, or null when none was measured
 */
public record SweepResult(SweepPoint point, RunInfo info, RunStats stats, QualityResult quality) {
    public SweepResult {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(stats, "stats");
    }
}
