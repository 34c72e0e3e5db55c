package dev.ocular.compositor.cli;

import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.TuningOptions;
import dev.ocular.compositor.report.sweep.SweepKeys;
import dev.ocular.compositor.report.sweep.SweepPlan;
import dev.ocular.compositor.report.sweep.SweepPoint;
import dev.ocular.compositor.report.sweep.SweepRunner;
import dev.ocular.compositor.run.CompositorRunner;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.run.RunResult;
import dev.ocular.compositor.run.UpscalerSetup;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.scenes.SceneCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ocular profile}: a run measured per eye and per stage, with the four exports (summary.json, frames.csv,
 * trace.json, report.html) and quality against the native reference; with {@code --sweep}, one run per configuration
 * and a comparison report (the tuning curve: GPU time vs quality per eye).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Profile a run (600 frames by default) or "
        + "sweep configurations (--sweep preset=quality,performance --sweep method=vrnet,bicubic).")
final class ProfileCommand implements Callable<Integer> {
    static final int DEFAULT_FRAMES = 600;
    static final int DEFAULT_REFERENCE = 2;

    @Mixin
    RunOptions options;

    @Option(names = "--sweep", description = "KEY=V1,V2,… (keys: preset, method, sharpening, each also KEY.left / "
            + "KEY.right; lens; scene). Repeat for a cartesian product.")
    List<String> sweeps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        RunConfig base = options.config(DEFAULT_FRAMES, DEFAULT_REFERENCE, false);
        if (sweeps == null || sweeps.isEmpty()) {
            RunResult r = new CompositorRunner(base, err).run();
            spec.commandLine().getOut().printf("ocular profile: %d frames; exports in %s (summary.json, frames.csv, "
                    + "trace.json, report.html)%n", r.framesSubmitted(), base.out());
            spec.commandLine().getOut().flush();
            return r.runtimeLost() == null ? 0 : Main.EXIT_FAILURE;
        }
        boolean vrnet = !options.weights.isEmpty() || VrNetModels.shipped().isPresent();
        TuningOptions tuning = new TuningOptions(
                Arrays.stream(Preset.values()).map(Preset::cliName).toList(),
                UpscalerSetup.available(vrnet).stream().map(Method::cliName).toList(),
                new LensProfiles().builtinNames(), 0.0, 1.0, SceneCatalog.builtIn().names());
        SweepPlan plan = SweepPlan.parse(sweeps, SweepKeys.from(tuning));
        Path out = base.out();
        SweepRunner.run(plan.points(), out, point -> {
            RunResult r = new CompositorRunner(configFor(base, point, out), err).run();
            return new SweepRunner.SweepRun(r.log(), r.info(), r.quality());
        }, err);
        spec.commandLine().getOut().printf("ocular profile: %d configurations; comparison in %s%n", plan.size(),
                out.resolve("comparison.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static RunConfig configFor(RunConfig base, SweepPoint point, Path out) {
        EyeSettings left = eye(base.left(), point, StereoEye.LEFT);
        EyeSettings right = eye(base.right(), point, StereoEye.RIGHT);
        return new RunConfig(point.value(SweepKeys.SCENE).orElse(base.scene()), base.seed(), base.frames(),
                base.seconds(), base.sink(), left, right, base.width(), base.height(), base.motion(),
                point.value(SweepKeys.LENS).orElse(base.lensProfile()), out.resolve(point.slug()), base.weights(),
                base.netPath(), base.reference(), base.writeEvery());
    }

    private static EyeSettings eye(EyeSettings base, SweepPoint point, StereoEye eye) {
        EyeSettings s = base;
        var preset = point.value(SweepKeys.PRESET, eye);
        if (preset.isPresent()) {
            s = s.withRatio(Preset.parseRatio(preset.get(), "--sweep preset"));
        }
        var method = point.value(SweepKeys.METHOD, eye);
        if (method.isPresent()) {
            s = s.withMethod(Method.parse(method.get(), "--sweep method"));
        }
        var sharpening = point.value(SweepKeys.SHARPENING, eye);
        if (sharpening.isPresent()) {
            s = s.withSharpening(Float.parseFloat(sharpening.get()));
        }
        return s;
    }
}
