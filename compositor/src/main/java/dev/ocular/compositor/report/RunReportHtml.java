package dev.ocular.compositor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page with the run's configuration, its numbers as tables, and charts drawn
 * by Apache ECharts (inlined from its WebJar): frame-time series, per-eye stacked GPU stage bars, histograms of frame
 * interval and per-eye GPU time, and — when a quality result is given — a quality table and the error heatmaps.
 */
final class RunReportHtml {
    /** Above this many frames the series is reduced to the maximum of each bucket, so hitches stay visible. */
    static final int MAX_SERIES_POINTS = 40_000;
    static final int HISTOGRAM_BINS = 40;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunReportHtml() {
    }

    static String render(FrameLog log, RunInfo info, RunStats stats, QualityResult quality) {
        HtmlDoc doc = new HtmlDoc("ocular run report: " + info.scene());
        doc.section("run").heading(2, "Run").table("run-table", List.of("Field", "Value"), ReportTables.runRows(info))
                .endSection();
        doc.section("summary").heading(2, "Summary")
                .table("summary-table", List.of("Measure", "Value"), ReportTables.summaryRows(stats)).endSection();
        doc.section("frame-time").heading(2, "Frame time")
                .chart("chart-frame-time", "Frame interval and per-eye GPU time per frame (ms)")
                .table("cpu-table", ReportTables.DISTRIBUTION_HEADER, cpuRows(stats)).endSection();
        doc.section("stages").heading(2, "GPU stages per eye")
                .chart("chart-stages", "Mean GPU time per stage, stacked per eye (ms)");
        for (EyeStats eye : stats.eyes()) {
            doc.heading(3, eye.eye().title() + " eye")
                    .table("stage-table-" + eye.eye().key(), ReportTables.DISTRIBUTION_HEADER, stageRows(eye));
        }
        doc.endSection();
        doc.section("histograms").heading(2, "Histograms")
                .chart("chart-hist-interval", "Frame interval (ms); the last bar counts everything above p99.9")
                .chart("chart-hist-gpu", "GPU time per eye (ms)").endSection();
        if (quality != null) {
            quality(doc, quality);
        }
        String js = WebAsset.web("report/run-report.js");
        return doc.render(WebAsset.web("report/report.css"), data(log, stats).toString(),
                List.of(WebAsset.text(WebAsset.ECHARTS), js));
    }

    private static void quality(HtmlDoc doc, QualityResult quality) {
        doc.section("quality").heading(2, "Quality against the native reference").paragraph(quality.method());
        doc.table("quality-table", ReportTables.QUALITY_HEADER, ReportTables.qualityRows(quality));
        for (StereoEye eye : StereoEye.values()) {
            byte[] png = quality.eye(eye).errorHeatmapPng();
            if (png != null) {
                doc.image("heatmap", eye.title() + " eye error map", png);
            }
        }
        doc.endSection();
    }

    private static List<List<String>> cpuRows(RunStats stats) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReportTables.distributionRow("frame interval", stats.frameInterval()));
        for (Map.Entry<CpuPhase, Distribution> e : stats.cpu().entrySet()) {
            rows.add(ReportTables.distributionRow("CPU " + e.getKey().label(), e.getValue()));
        }
        return rows;
    }

    private static List<List<String>> stageRows(EyeStats eye) {
        List<List<String>> rows = new ArrayList<>();
        eye.stages().forEach((name, d) -> rows.add(ReportTables.distributionRow(name, d)));
        rows.add(ReportTables.distributionRow("total", eye.gpuTotal()));
        return rows;
    }

    /** The chart data the page script reads; times in ms. */
    static ObjectNode data(FrameLog log, RunStats stats) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", "run");
        root.set("series", series(log));
        ObjectNode stages = root.putObject("stages");
        ArrayNode names = stages.putArray("names");
        log.stages().forEach(names::add);
        ObjectNode means = stages.putObject("mean_ms");
        for (EyeStats eye : stats.eyes()) {
            ArrayNode m = means.putArray(eye.eye().key());
            eye.stages().values().forEach(d -> m.add(d.count() == 0 ? 0 : d.mean() / 1000));
        }
        ObjectNode hist = root.putObject("histograms");
        hist.set("interval_ms", histogram(RunStats.intervalsMicros(log)));
        for (StereoEye eye : StereoEye.values()) {
            hist.set("gpu_ms_" + eye.key(), histogram(gpuTotals(log, eye)));
        }
        SummaryJson.number(root, "period_ms", stats.predictedPeriodMean() / 1000);
        return root;
    }

    private static ObjectNode series(FrameLog log) {
        int n = log.size();
        int bucket = Math.max(1, (n + MAX_SERIES_POINTS - 1) / MAX_SERIES_POINTS);
        ObjectNode s = NODES.objectNode();
        s.put("bucket", bucket);
        ArrayNode frames = s.putArray("frame");
        ArrayNode interval = s.putArray("interval_ms");
        ObjectNode gpu = s.putObject("gpu_ms");
        ArrayNode[] eyes = {gpu.putArray("left"), gpu.putArray("right")};
        for (int first = 0; first < n; first += bucket) {
            int end = Math.min(n, first + bucket);
            frames.add(log.frameIndex(first));
            double worst = Double.NaN;
            for (int row = Math.max(1, first); row < end; row++) {
                double v = (log.startNanos(row) - log.startNanos(row - 1)) / 1e6;
                worst = Double.isNaN(worst) ? v : Math.max(worst, v);
            }
            addOrNull(interval, worst);
            for (StereoEye eye : StereoEye.values()) {
                double g = Double.NaN;
                for (int row = first; row < end; row++) {
                    float v = RunStats.gpuTotalOrNaN(log, row, eye);
                    g = Float.isNaN(v) ? g : Double.isNaN(g) ? v / 1000.0 : Math.max(g, v / 1000.0);
                }
                addOrNull(eyes[eye.index()], g);
            }
        }
        return s;
    }

    private static void addOrNull(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(Math.round(value * 10_000) / 10_000.0);
        } else {
            array.addNull();
        }
    }

    private static double[] gpuTotals(FrameLog log, StereoEye eye) {
        double[] out = new double[log.size()];
        int n = 0;
        for (int row = 0; row < log.size(); row++) {
            float v = RunStats.gpuTotalOrNaN(log, row, eye);
            if (!Float.isNaN(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Histogram of µs samples, written in ms. */
    private static ObjectNode histogram(double[] micros) {
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        Histogram h = Histogram.of(sorted, HISTOGRAM_BINS);
        ObjectNode n = NODES.objectNode();
        n.put("start", h.start() / 1000).put("width", h.width() / 1000).put("overflow", h.overflow());
        ArrayNode counts = n.putArray("counts");
        for (int c : h.counts()) {
            counts.add(c);
        }
        return n;
    }
}
