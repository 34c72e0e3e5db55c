package dev.ocular.compositor.report.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.EyeQuality;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.RunStats;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.SummarySchema;
import dev.ocular.compositor.report.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tuning curve on hand-made numbers, and a 3 × 3 sweep run end to end through SweepRunner. */
class ComparisonReportTest {
    private static final Map<String, Double> RATIO = Map.of("quality", 1.5, "balanced", 1.7, "performance", 2.0);
    private static final Map<String, Double> METHOD_COST = Map.of("vrnet", 1.0, "taau", 0.5, "bicubic", 0.1);
    private static final Map<String, Double> METHOD_DB = Map.of("vrnet", 6.0, "taau", 3.0, "bicubic", 0.0);

    @TempDir
    Path dir;

    /** A log whose every frame costs {@code gpuMs} on both eyes (one stage). */
    private static FrameLog constantLog(double leftMs, double rightMs) {
        FrameLog log = new FrameLog(List.of("scene"));
        for (int f = 0; f < 20; f++) {
            int row = log.append(f, 0, 11_111_111, f * 11_111_111L, (byte) 0);
            log.gpu(row, 0, 0, Math.round(leftMs * 1e6));
            log.gpu(row, 1, 0, Math.round(rightMs * 1e6));
        }
        return log;
    }

    private static SweepResult result(int index, String method, double ms, double psnr) {
        SweepPoint point = new SweepPoint(index, Map.of("method", method));
        RunInfo info = TestRuns.info("quality", method);
        return new SweepResult(point, info, RunStats.of(constantLog(ms, ms + 1)),
                new QualityResult("test", EyeQuality.of(psnr, 0.1), EyeQuality.of(psnr - 2, Double.NaN)));
    }

    @Test
    void tuningCurveIsTheParetoFrontFastestFirst() {
        // (ms, dB): A(1, 30) B(2, 35) C(3, 34) D(4, 40) E(2, 33): C is beaten by B, E by B.
        List<SweepResult> results = List.of(result(0, "a", 1, 30), result(1, "b", 2, 35), result(2, "c", 3, 34),
                result(3, "d", 4, 40), result(4, "e", 2, 33));
        ComparisonReport report = ComparisonReport.of(results);
        List<TuningPoint> left = report.points(StereoEye.LEFT);
        assertEquals(List.of(true, true, false, true, false), left.stream().map(TuningPoint::onTuningCurve).toList());
        assertEquals(List.of(0, 1, 3), TuningCurve.curve(left).stream().map(TuningPoint::index).toList());
        assertEquals(2.0, left.get(1).gpuMsMean(), 1e-6);
        assertEquals(3.0, report.points(StereoEye.RIGHT).get(1).gpuMsMean(), 1e-6, "right eye's own cost");
        JsonNode json = report.json();
        assertEquals(List.of(), SummarySchema.errors(SummarySchema.COMPARISON, json));
        assertEquals("[0,1,3]", json.at("/tuning_curve/left").toString());
        assertTrue(json.at("/configurations/0/eyes/right/flip_mean").isNull(), "not measured is null");
    }

    @Test
    void withoutQualityNothingIsOnTheCurve() {
        SweepPoint point = new SweepPoint(0, Map.of());
        SweepResult r = new SweepResult(point, TestRuns.info(), RunStats.of(constantLog(1, 1)), null);
        ComparisonReport report = ComparisonReport.of(List.of(r));
        assertFalse(report.points(StereoEye.LEFT).get(0).onTuningCurve());
        assertTrue(report.json().at("/configurations/0/eyes/left/psnr_db").isNull());
    }

    /** ≥ 3 presets × 3 methods: each configuration's exports, then the comparison with its scatter charts. */
    @Test
    void sweepRunnerWritesEveryRunAndTheComparison() throws IOException {
        List<SweepPoint> points = SweepPlan.parse(List.of("preset=quality,balanced,performance",
                "method=vrnet,taau,bicubic"), SweepPlanTest.KEYS).points();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<SweepResult> results = SweepRunner.run(points, dir, point -> {
            String preset = point.value("preset", StereoEye.LEFT).orElseThrow();
            String method = point.value("method", StereoEye.LEFT).orElseThrow();
            double ratio = RATIO.get(preset);
            // Cost falls with the pixel count, quality with the ratio; vr-net costs most and looks best.
            double ms = 0.2 + METHOD_COST.get(method) * 4 / (ratio * ratio);
            double db = 40 - 6 * ratio + METHOD_DB.get(method);
            QualityResult q = new QualityResult("synthetic", EyeQuality.of(db, 0.2 / db), EyeQuality.of(db, 0.2 / db));
            return new SweepRunner.SweepRun(constantLog(ms, ms), TestRuns.info(preset, method), q);
        }, new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertEquals(9, results.size());
        for (SweepPoint p : points) {
            assertTrue(Files.exists(dir.resolve(p.slug()).resolve("summary.json")), p.slug());
            assertTrue(Files.exists(dir.resolve(p.slug()).resolve("trace.json")), p.slug());
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve(ComparisonReport.JSON).toFile());
        assertEquals(List.of(), SummarySchema.errors(SummarySchema.COMPARISON, json));
        assertEquals(9, json.get("configurations").size());
        assertEquals("balanced", json.at("/configurations/4/eyes/left/preset").asText());
        assertEquals("taau", json.at("/configurations/4/eyes/left/method").asText());
        assertTrue(json.at("/tuning_curve/left").size() >= 2);
        String html = Files.readString(dir.resolve(ComparisonReport.HTML));
        assertTrue(html.contains("id=\"chart-psnr\"") && html.contains("id=\"comparison-table\""));
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("sweep"), "progress bar drawn");
    }
}
