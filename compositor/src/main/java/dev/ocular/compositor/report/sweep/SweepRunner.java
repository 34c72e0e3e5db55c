package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Runs a sweep's configurations one after another with a progress bar, writes each run's four exports into
 * {@code out/<slug>/} and the comparison into {@code out/}. The comparison is rewritten after every configuration,
 * so a sweep stopped half-way still leaves a report of what finished.
 */
public final class SweepRunner {
    /** Runs one configuration: the caller's frame loop, applied to the point's settings. */
    @FunctionalInterface
    public interface Configuration {
        SweepRun run(SweepPoint point) throws IOException;
    }

    /**
     * What one configuration's run produced.
     *
     * @param quality per-eye quality against the native reference, or null
     */
    public record SweepRun(FrameLog log, RunInfo info, QualityResult quality) {
        public SweepRun {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(info, "info");
        }
    }

    private SweepRunner() {
    }

    /**
     * @param progress where the progress bar is drawn (stderr for the CLI)
     * @return the results in sweep order; the comparison report is in {@code out}
     */
    public static List<SweepResult> run(List<SweepPoint> points, Path out, Configuration configuration,
            PrintStream progress) throws IOException {
        List<SweepResult> results = new ArrayList<>(points.size());
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(points.size())
                .setConsumer(new ConsoleProgressBarConsumer(progress)).setUpdateIntervalMillis(250);
        try (ProgressBar bar = builder.build()) {
            for (SweepPoint point : points) {
                bar.setExtraMessage(point.label());
                SweepRun run = configuration.run(point);
                RunReport report = RunReport.of(run.log(), run.info(), run.quality());
                report.writeTo(out.resolve(point.slug()));
                results.add(new SweepResult(point, run.info(), report.stats(), run.quality()));
                ComparisonReport.of(results).writeTo(out);
                bar.step();
            }
        }
        return results;
    }
}
