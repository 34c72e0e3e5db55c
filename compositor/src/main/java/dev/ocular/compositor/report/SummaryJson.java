package dev.ocular.compositor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.metrics.CpuPhase;
import java.util.Map;

/**
 * The run summary as a JSON tree ({@code summary.json}). Field names carry their unit ({@code _us}, {@code _fps});
 * values that were not measured are null (JSON has no NaN). The layout is versioned by {@code format}/{@code
 * version}; the tests hold its JSON schema.
 */
public final class SummaryJson {
    public static final String FORMAT = "ocular-run-summary";
    public static final int VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    /** A mapper that writes indented JSON; a fresh one per use so no configuration is shared between callers. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** @param quality null when the run had no reference */
    public static ObjectNode summary(RunStats stats, RunInfo info, QualityResult quality) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.set("run", run(info));
        root.put("bytes_per_frame", stats.bytesPerFrame());
        root.set("counts", counts(stats.counts()));
        root.set("frame_interval_us", distribution(stats.frameInterval()));
        number(root, "fps_mean", stats.meanFps());
        number(root, "fps_1pct_low_p99", stats.lows().fps1pctLowP99());
        number(root, "fps_1pct_low_mean_worst", stats.lows().fps1pctLowMeanWorst());
        root.put("worst_1pct_frames", stats.lows().worstFrames());
        number(root, "predicted_display_period_us_mean", stats.predictedPeriodMean());
        ObjectNode cpu = root.putObject("cpu_us");
        for (Map.Entry<CpuPhase, Distribution> e : stats.cpu().entrySet()) {
            cpu.set(e.getKey().label(), distribution(e.getValue()));
        }
        ObjectNode gpu = root.putObject("gpu_us");
        for (EyeStats eye : stats.eyes()) {
            ObjectNode e = gpu.putObject(eye.eye().key());
            e.set("total", distribution(eye.gpuTotal()));
            ObjectNode stages = e.putObject("stages");
            eye.stages().forEach((name, d) -> stages.set(name, distribution(d)));
        }
        if (quality == null) {
            root.putNull("quality");
        } else {
            root.set("quality", quality(quality));
        }
        root.set("definitions", definitions());
        return root;
    }

    public static ObjectNode distribution(Distribution d) {
        ObjectNode n = NODES.objectNode();
        n.put("count", d.count());
        number(n, "mean", d.mean());
        number(n, "p50", d.p50());
        number(n, "p95", d.p95());
        number(n, "p99", d.p99());
        number(n, "max", d.max());
        return n;
    }

    public static ObjectNode run(RunInfo info) {
        ObjectNode n = NODES.objectNode();
        n.put("scene", info.scene()).put("sink", info.sink()).put("lens_profile", info.lensProfile());
        n.put("runtime_name", info.runtimeName()).put("system_name", info.systemName());
        n.put("gpu_name", info.gpuName()).put("gpu_driver", info.gpuDriver());
        n.put("ocular_commit", info.ocularCommit()).put("date", info.date().toString());
        n.put("jvm", info.host().jvm()).put("os", info.host().os()).put("cpu", info.host().cpu());
        n.put("cpu_threads", info.host().cpuThreads());
        ObjectNode eyes = n.putObject("eyes");
        for (StereoEye eye : StereoEye.values()) {
            eyes.set(eye.key(), eyeConfig(info.eye(eye)));
        }
        ObjectNode extra = n.putObject("extra");
        info.extra().forEach(extra::put);
        return n;
    }

    public static ObjectNode eyeConfig(EyeConfig c) {
        ObjectNode n = NODES.objectNode();
        n.put("preset", c.preset()).put("ratio", c.ratio()).put("method", c.method());
        n.put("sharpening", c.sharpening());
        n.put("render_width", c.renderWidth()).put("render_height", c.renderHeight());
        n.put("output_width", c.outputWidth()).put("output_height", c.outputHeight());
        return n;
    }

    public static ObjectNode quality(QualityResult q) {
        ObjectNode n = NODES.objectNode();
        n.put("method", q.method());
        for (StereoEye eye : StereoEye.values()) {
            EyeQuality e = q.eye(eye);
            ObjectNode m = n.putObject(eye.key());
            number(m, "psnr_db", e.psnrDb());
            number(m, "psnr_y_db", e.psnrYDb());
            number(m, "ssim_y", e.ssimY());
            number(m, "flip_mean", e.flipMean());
            ObjectNode extra = m.putObject("extra");
            e.extra().forEach((k, v) -> number(extra, k, v));
            m.put("error_heatmap", e.errorHeatmapPng() != null);
        }
        return n;
    }

    private static ObjectNode counts(FrameCounts c) {
        ObjectNode n = NODES.objectNode();
        n.put("frames", c.frames());
        n.put("frames_late", c.late());
        n.put("frames_discarded", c.discarded());
        n.put("frames_skipped", c.skipped());
        n.put("frames_shown_twice_estimate", c.shownTwiceEstimate());
        n.put("history_resets", c.historyResets());
        return n;
    }

    /** Says in the file itself which definitions the numbers use, so readers need not guess. */
    private static ObjectNode definitions() {
        ObjectNode n = NODES.objectNode();
        n.put("percentiles", "nearest rank: value at 1-based rank ceil(p*n/100) of the ascending samples");
        n.put("frame_interval", "time between consecutive frame starts (n frames give n-1 intervals)");
        n.put("fps_1pct_low_p99", "1e6 / p99 frame interval (us)");
        n.put("fps_1pct_low_mean_worst", "1e6 / mean of the worst 1% of frame intervals (at least one)");
        n.put("frames_late", "frames that missed their predicted display time");
        n.put("frames_shown_twice_estimate", "frame intervals longer than "
                + FrameCounts.SHOWN_TWICE_FACTOR + " x the predicted display period");
        n.put("gpu_us", "GPU timestamp durations per eye and stage; total = sum of the stages that ran");
        return n;
    }

    /** Writes a finite number, or null for NaN/infinity (JSON has neither). */
    public static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }
}
