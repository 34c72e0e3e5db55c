package dev.ocular.compositor.run;

import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.HostFacts;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.SourceCommit;
import dev.ocular.gpu.DeviceCapabilities;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the report's {@link RunInfo} for a run. */
final class RunInfos {
    private RunInfos() {
    }

    static EyeConfig eye(EyeSettings s, StereoPipeline pipeline) {
        return new EyeConfig(s.presetLabel(), s.ratio(), s.method().cliName(), s.sharpening(),
                Preset.renderSize(pipeline.outputWidth(), s.ratio()), Preset.renderSize(pipeline.outputHeight(),
                        s.ratio()), pipeline.outputWidth(), pipeline.outputHeight());
    }

    static RunInfo of(RunConfig config, LiveSettings.Snapshot settings, StereoPipeline pipeline,
            DeviceCapabilities gpu, Map<String, String> runtime, Instant start, Map<String, String> extra) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put("seed", Long.toString(config.seed()));
        more.put("motion", config.motion() == null ? "scene default" : config.motion());
        return new RunInfo(config.scene(), eye(settings.left(), pipeline), eye(settings.right(), pipeline),
                config.sink().cliName(), config.sink() == SinkKind.OPENXR ? null : config.lensProfile(),
                runtime.get("runtime"), runtime.get("system"), gpu.name(), gpu.driverName() + " " + gpu.driverInfo(),
                SourceCommit.find(Path.of(System.getProperty("ocular.repo", "."))).orElse(null), start,
                HostFacts.detect(), more);
    }
}
