package dev.ocular.compositor.report.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.report.RunStats;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.SummaryJson;
import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of a sweep's configurations: {@code comparison.json} and {@code comparison.html} with, per eye, GPU
 * time against quality (PSNR, and FLIP when measured) — the tuning curve — plus each configuration's frame rate.
 */
public final class ComparisonReport {
    public static final String JSON = "comparison.json";
    public static final String HTML = "comparison.html";
    public static final String FORMAT = "ocular-sweep-comparison";
    public static final int VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<SweepResult> results;
    private final Map<StereoEye, List<TuningPoint>> points = new EnumMap<>(StereoEye.class);

    private ComparisonReport(List<SweepResult> results) {
        this.results = List.copyOf(results);
        for (StereoEye eye : StereoEye.values()) {
            points.put(eye, TuningCurve.points(this.results, eye));
        }
    }

    public static ComparisonReport of(List<SweepResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one result");
        }
        return new ComparisonReport(results);
    }

    /** Each configuration's point for one eye, in sweep order. */
    public List<TuningPoint> points(StereoEye eye) {
        return points.get(eye);
    }

    /** Writes comparison.json and comparison.html into {@code dir}; returns their paths. */
    public List<Path> writeTo(Path dir) throws IOException {
        Path json = dir.resolve(JSON);
        Path html = dir.resolve(HTML);
        AtomicFile.write(json, SummaryJson.mapper().writeValueAsBytes(json()));
        AtomicFile.write(html, ComparisonHtml.render(results, points).getBytes(StandardCharsets.UTF_8));
        return List.of(json, html);
    }

    public ObjectNode json() {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT).put("version", VERSION);
        ArrayNode configs = root.putArray("configurations");
        for (int i = 0; i < results.size(); i++) {
            configs.add(configuration(results.get(i), i));
        }
        ObjectNode curves = root.putObject("tuning_curve");
        for (StereoEye eye : StereoEye.values()) {
            ArrayNode curve = curves.putArray(eye.key());
            TuningCurve.curve(points.get(eye)).forEach(p -> curve.add(p.index()));
        }
        ObjectNode defs = root.putObject("definitions");
        defs.put("gpu_ms", "per-eye GPU time per frame (sum of the eye's stages), ms");
        defs.put("tuning_curve", "per eye, configuration indices not beaten on both mean GPU time and PSNR, fastest "
                + "first");
        defs.put("fps_1pct_low_p99", "1e6 / p99 frame interval (us)");
        defs.put("fps_1pct_low_mean_worst", "1e6 / mean of the worst 1% of frame intervals");
        return root;
    }

    private ObjectNode configuration(SweepResult r, int position) {
        ObjectNode c = NODES.objectNode();
        c.put("index", r.point().index()).put("label", r.point().label());
        ObjectNode settings = c.putObject("settings");
        r.point().settings().forEach(settings::put);
        RunStats s = r.stats();
        c.put("frames", s.counts().frames()).put("frames_late", s.counts().late());
        c.put("frames_shown_twice_estimate", s.counts().shownTwiceEstimate());
        SummaryJson.number(c, "fps_mean", s.meanFps());
        SummaryJson.number(c, "fps_1pct_low_p99", s.lows().fps1pctLowP99());
        SummaryJson.number(c, "fps_1pct_low_mean_worst", s.lows().fps1pctLowMeanWorst());
        SummaryJson.number(c, "frame_interval_us_p99", s.frameInterval().p99());
        ObjectNode eyes = c.putObject("eyes");
        for (StereoEye eye : StereoEye.values()) {
            TuningPoint p = points.get(eye).get(position);
            ObjectNode e = eyes.putObject(eye.key());
            e.put("preset", p.preset()).put("method", p.method());
            SummaryJson.number(e, "gpu_ms_mean", p.gpuMsMean());
            SummaryJson.number(e, "gpu_ms_p99", p.gpuMsP99());
            SummaryJson.number(e, "psnr_db", p.psnrDb());
            SummaryJson.number(e, "flip_mean", p.flipMean());
            e.put("on_tuning_curve", p.onTuningCurve());
        }
        return c;
    }
}
