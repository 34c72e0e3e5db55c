package dev.ocular.compositor.report;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The exports of one run: {@code summary.json}, {@code frames.csv}, {@code trace.json} and {@code report.html},
 * each written atomically into an output directory. Typical use at the end of {@code ocular profile}:
 *
 * <pre>{@code
 * RunReport report = RunReport.of(frameLog, runInfo, quality);   // quality may be null
 * ReportFiles files = report.writeTo(outDir);
 * }</pre>
 *
 * The log is read during {@link #of} and {@link #writeTo}; the frame loop must not append to it meanwhile.
 */
public final class RunReport {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String FRAMES_CSV = "frames.csv";
    public static final String TRACE_JSON = "trace.json";
    public static final String REPORT_HTML = "report.html";
    /** The export file names, in the order they are written. */
    public static final List<String> FILE_NAMES = List.of(SUMMARY_JSON, FRAMES_CSV, TRACE_JSON, REPORT_HTML);

    private final FrameLog log;
    private final RunInfo info;
    private final QualityResult quality;
    private final RunStats stats;

    private RunReport(FrameLog log, RunInfo info, QualityResult quality) {
        this.log = log;
        this.info = info;
        this.quality = quality;
        this.stats = RunStats.of(log);
    }

    /** @param quality the run's image quality against the native reference, or null when there is none */
    public static RunReport of(FrameLog log, RunInfo info, QualityResult quality) {
        return new RunReport(Objects.requireNonNull(log, "log"), Objects.requireNonNull(info, "info"), quality);
    }

    public RunStats stats() {
        return stats;
    }

    public RunInfo info() {
        return info;
    }

    /** Null when the run had no quality measurement. */
    public QualityResult quality() {
        return quality;
    }

    /** Writes the four exports into {@code dir} (created when missing), replacing earlier ones. */
    public ReportFiles writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportFiles files = new ReportFiles(dir.resolve(SUMMARY_JSON), dir.resolve(FRAMES_CSV),
                dir.resolve(TRACE_JSON), dir.resolve(REPORT_HTML));
        byte[] summary = SummaryJson.mapper().writeValueAsBytes(SummaryJson.summary(stats, info, quality));
        AtomicFile.write(files.summaryJson(), summary);
        AtomicFile.write(files.framesCsv(), out -> FramesCsv.write(log, out));
        AtomicFile.write(files.traceJson(), out -> TraceExport.write(log, info, out));
        String html = RunReportHtml.render(log, info, stats, quality);
        AtomicFile.write(files.reportHtml(), html.getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
