package dev.ocular.compositor.report.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.report.DecimalText;
import dev.ocular.compositor.report.HtmlDoc;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.SummaryJson;
import dev.ocular.compositor.report.WebAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code comparison.html}: per eye a scatter of GPU time (x, ms) against PSNR (y, dB) with the tuning curve drawn
 * through its points, the same against FLIP when measured, and a table of every configuration. Charts by Apache
 * ECharts, inlined.
 */
final class ComparisonHtml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ComparisonHtml() {
    }

    static String render(List<SweepResult> results, Map<StereoEye, List<TuningPoint>> points) {
        HtmlDoc doc = new HtmlDoc("ocular sweep comparison: " + results.size() + " configurations");
        doc.paragraph("Scene " + results.get(0).info().scene() + ", sink " + results.get(0).info().sink()
                + ". GPU time is the mean per frame of the eye's stages; the tuning curve joins the configurations "
                + "that no other beats on both GPU time and PSNR.");
        doc.section("tuning").heading(2, "GPU time vs quality per eye")
                .chart("chart-psnr", "PSNR (dB) against GPU ms per eye; line: tuning curve")
                .chart("chart-flip", "FLIP mean against GPU ms per eye (lower is better)").endSection();
        doc.section("configurations").heading(2, "Configurations");
        List<String> header = List.of("#", "configuration", "fps mean", "fps 1% low (p99)", "fps 1% low (mean worst)",
                "late", "left GPU ms", "left PSNR dB", "left FLIP", "right GPU ms", "right PSNR dB", "right FLIP");
        doc.table("comparison-table", header, rows(results, points)).endSection();
        String data = data(points).toString();
        return doc.render(WebAsset.web("report/report.css"), data,
                List.of(WebAsset.text(WebAsset.ECHARTS), WebAsset.web("report/comparison.js")));
    }

    private static List<List<String>> rows(List<SweepResult> results, Map<StereoEye, List<TuningPoint>> points) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SweepResult r = results.get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.point().index()), r.point().label(),
                    num(r.stats().meanFps(), 1), num(r.stats().lows().fps1pctLowP99(), 1),
                    num(r.stats().lows().fps1pctLowMeanWorst(), 1), Integer.toString(r.stats().counts().late())));
            for (StereoEye eye : StereoEye.values()) {
                TuningPoint p = points.get(eye).get(i);
                row.add(num(p.gpuMsMean(), 3) + (p.onTuningCurve() ? " ★" : ""));
                row.add(num(p.psnrDb(), 2));
                row.add(num(p.flipMean(), 4));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? DecimalText.format(v, decimals) : "–";
    }

    /** Per eye: every point (x = GPU ms, y = PSNR / FLIP, label, method) and the curve's points in order. */
    private static ObjectNode data(Map<StereoEye, List<TuningPoint>> points) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", "comparison");
        ObjectNode eyes = root.putObject("eyes");
        for (StereoEye eye : StereoEye.values()) {
            ObjectNode e = eyes.putObject(eye.key());
            ArrayNode all = e.putArray("points");
            for (TuningPoint p : points.get(eye)) {
                ObjectNode o = all.addObject();
                o.put("index", p.index()).put("label", p.label()).put("preset", p.preset());
                o.put("method", p.method());
                SummaryJson.number(o, "gpu_ms", p.gpuMsMean());
                SummaryJson.number(o, "psnr_db", p.psnrDb());
                SummaryJson.number(o, "flip_mean", p.flipMean());
            }
            ArrayNode curve = e.putArray("curve");
            TuningCurve.curve(points.get(eye)).forEach(p -> curve.add(p.index()));
        }
        return root;
    }
}
