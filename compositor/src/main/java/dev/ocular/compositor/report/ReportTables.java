package dev.ocular.compositor.report;

import java.util.ArrayList;
import java.util.List;

/** The rows of the report pages' tables, as text (times in ms with three decimals). */
final class ReportTables {
    static final List<String> DISTRIBUTION_HEADER = List.of("", "count", "mean (ms)", "p50 (ms)", "p95 (ms)",
            "p99 (ms)", "max (ms)");
    static final List<String> QUALITY_HEADER = List.of("eye", "PSNR (dB)", "PSNR Y (dB)", "SSIM Y", "FLIP mean",
            "other");

    private ReportTables() {
    }

    static List<String> distributionRow(String label, Distribution micros) {
        Distribution ms = micros.scaled(1000);
        return List.of(label, Integer.toString(ms.count()), ms3(ms.mean()), ms3(ms.p50()), ms3(ms.p95()),
                ms3(ms.p99()), ms3(ms.max()));
    }

    static String ms3(double value) {
        return Double.isFinite(value) ? DecimalText.format(value, 3) : "–";
    }

    static List<List<String>> runRows(RunInfo info) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scene", info.scene()));
        rows.add(List.of("sink", info.sink()));
        for (StereoEye eye : StereoEye.values()) {
            EyeConfig c = info.eye(eye);
            rows.add(List.of(eye.key() + " eye", c.preset() + " (×" + DecimalText.format(c.ratio(), 3) + "), "
                    + c.method() + ", sharpening " + DecimalText.format(c.sharpening(), 2) + ", render "
                    + c.renderWidth() + "×" + c.renderHeight() + " → output " + c.outputWidth() + "×"
                    + c.outputHeight()));
        }
        rows.add(List.of("lens profile", orNone(info.lensProfile())));
        rows.add(List.of("OpenXR runtime", orNone(info.runtimeName())));
        rows.add(List.of("OpenXR system", orNone(info.systemName())));
        rows.add(List.of("GPU", orNone(info.gpuName()) + " (" + orNone(info.gpuDriver()) + ")"));
        rows.add(List.of("ocular commit", orNone(info.ocularCommit())));
        rows.add(List.of("date", info.date().toString()));
        rows.add(List.of("JVM", info.host().jvm()));
        rows.add(List.of("OS", info.host().os()));
        rows.add(List.of("CPU", info.host().cpu() + " (" + info.host().cpuThreads() + " threads)"));
        info.extra().forEach((k, v) -> rows.add(List.of(k, v)));
        return rows;
    }

    static List<List<String>> summaryRows(RunStats stats) {
        FrameCounts c = stats.counts();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("frames", Integer.toString(c.frames())));
        rows.add(List.of("mean FPS", DecimalText.format(stats.meanFps(), 2)));
        rows.add(List.of("1% low FPS, 1e6 / p99 frame interval (fps_1pct_low_p99)",
                DecimalText.format(stats.lows().fps1pctLowP99(), 2)));
        rows.add(List.of("1% low FPS, mean of the worst 1% of intervals (fps_1pct_low_mean_worst)",
                DecimalText.format(stats.lows().fps1pctLowMeanWorst(), 2)));
        rows.add(List.of("predicted display period (ms)", ms3(stats.predictedPeriodMean() / 1000)));
        rows.add(List.of("missed deadlines (late)", Integer.toString(c.late())));
        rows.add(List.of("shown twice / reprojected (estimate)", Integer.toString(c.shownTwiceEstimate())));
        rows.add(List.of("discarded", Integer.toString(c.discarded())));
        rows.add(List.of("skipped (shouldRender false)", Integer.toString(c.skipped())));
        rows.add(List.of("history resets", Integer.toString(c.historyResets())));
        rows.add(List.of("log bytes per frame", Integer.toString(stats.bytesPerFrame())));
        return rows;
    }

    static List<List<String>> qualityRows(QualityResult q) {
        List<List<String>> rows = new ArrayList<>();
        for (StereoEye eye : StereoEye.values()) {
            EyeQuality e = q.eye(eye);
            StringBuilder other = new StringBuilder();
            e.extra().forEach((k, v) -> other.append(other.isEmpty() ? "" : ", ").append(k).append(' ')
                    .append(DecimalText.format(v, 4)));
            rows.add(List.of(eye.key(), num(e.psnrDb(), 2), num(e.psnrYDb(), 2), num(e.ssimY(), 4),
                    num(e.flipMean(), 4), other.toString()));
        }
        return rows;
    }

    static String num(double value, int decimals) {
        return Double.isFinite(value) ? DecimalText.format(value, decimals) : "–";
    }

    private static String orNone(String s) {
        return s == null ? "–" : s;
    }
}
