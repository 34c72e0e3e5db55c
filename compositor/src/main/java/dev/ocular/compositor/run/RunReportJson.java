package dev.ocular.compositor.run;

import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.gpu.DeviceCapabilities;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The `run.json` report: what ran, where, and what it counted. Field names say what they count. */
final class RunReportJson {
    private RunReportJson() {
    }

    static Map<String, Object> build(RunConfig config, LiveSettings.Snapshot settings, StereoPipeline pipeline,
            FrameRecorder recorder, Map<String, String> runtime, DeviceCapabilities gpu, double[] frameMs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", Instant.now().toString());
        r.put("sink", config.sink().cliName());
        r.put("scene", config.scene());
        r.put("seed", config.seed());
        r.put("motion", config.motion() == null ? "scene default" : config.motion());
        r.put("openxr_runtime", runtime.getOrDefault("runtime", null));
        r.put("openxr_system", runtime.getOrDefault("system", null));
        r.put("openxr_runtime_lost", runtime.getOrDefault("lost", null));
        r.put("gpu", gpu.name() + " (" + gpu.driverName() + " " + gpu.driverInfo() + ")");
        r.put("lens_profile", config.lensProfile());
        Map<String, Object> eyes = new LinkedHashMap<>();
        for (int eye = 0; eye < 2; eye++) {
            EyeSettings s = settings.eye(eye);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("preset", s.presetLabel());
            e.put("ratio", s.ratio());
            e.put("method", s.method().cliName());
            e.put("render_width", Preset.renderSize(pipeline.outputWidth(), s.ratio()));
            e.put("render_height", Preset.renderSize(pipeline.outputHeight(), s.ratio()));
            e.put("output_width", pipeline.outputWidth());
            e.put("output_height", pipeline.outputHeight());
            e.put("frames_submitted", recorder.frames());
            eyes.put(RunOutputs.eyeName(eye), e);
        }
        r.put("eyes", eyes);
        r.put("frames_submitted", recorder.frames());
        r.put("frames_late", recorder.late());
        r.put("frames_discarded", recorder.discarded());
        r.put("history_resets", recorder.historyResets());
        r.put("frame_time_mean_ms", frameMs[0]);
        r.put("frame_time_p99_ms", frameMs[1]);
        r.put("frame_time_definition", "interval between consecutive frame starts (host clock)");
        r.put("late_definition", "host work after xrWaitFrame returned exceeded the predicted display period");
        r.put("log_bytes_per_frame", recorder.log().bytesPerFrame());
        return r;
    }
}
