package dev.ocular.compositor.cli;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.scenes.RenderRequest;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.SceneRenderJob;
import dev.ocular.scenes.rig.HeadMotion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocular scenes list|render}: the test scenes and headset test patterns. */
@Command(name = "scenes", mixinStandardHelpOptions = true, description = "List and render test scenes and patterns.",
        subcommands = {ScenesCommand.ListScenes.class, ScenesCommand.Render.class})
final class ScenesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List scenes and patterns with the "
            + "upscaler failure each targets.")
    static final class ListScenes implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            var entries = SceneCatalog.builtIn().list();
            if (json) {
                JsonOutput.print(out, entries);
            } else {
                for (SceneCatalog.Entry e : entries) {
                    out.printf("%-18s %-8s %s%n", e.name(), e.kind().id(), e.failureMode());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true, description = "Render a scene's per-eye G-buffers "
            + "(EXR) and previews (PNG), optionally with a supersampled native reference.")
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", description = "Scene or pattern name, or a glTF file.")
        String scene;

        @Option(names = "--eye", defaultValue = "both", description = "left, right or both.")
        String eye;

        @Option(names = "--size", required = true, description = "Output (display) size per eye, WxH.")
        String size;

        @Option(names = "--frame", defaultValue = "0", description = "Frame number.")
        long frame;

        @Option(names = "--scale", defaultValue = "1", description = "Upscale ratio: the G-buffer is rendered at "
                + "size / scale.")
        double scale;

        @Option(names = "--reference", defaultValue = "0", description = "k for a k×k supersampled reference at the "
                + "output size (0: none).")
        int reference;

        @Option(names = "--motion", description = "Head motion path (default: the scene's).")
        String motion;

        @Option(names = "--seed", defaultValue = "0", description = "Animation and camera-path seed.")
        long seed;

        @Option(names = "--out", required = true, description = "Output directory.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            int[] wh = RenderRequest.parseSize(size);
            RenderRequest request = RenderRequest.of(scene, wh[0], wh[1], frame, out)
                    .withEyes(RenderRequest.parseEyes(eye)).withScale(scale).withReference(reference)
                    .withSeed(seed);
            if (motion != null) {
                request = request.withMotion(HeadMotion.parse(motion));
            }
            SceneRenderJob job = new SceneRenderJob(SceneCatalog.builtIn());
            SceneRenderJob.Result result;
            if (job.needsGpu(request)) {
                try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-scenes"))) {
                    result = job.run(gpu, request);
                }
            } else {
                result = job.runPattern(request);
            }
            PrintWriter out = spec.commandLine().getOut();
            result.files().forEach(f -> out.println(f));
            out.flush();
            return 0;
        }
    }
}
