package dev.ocular.compositor.cli;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.scenes.SceneBenchmark;
import dev.ocular.scenes.SceneCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocular bench …}: speed measured from GPU timestamps, printed as text or JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (GPU timestamps, JSON output).",
        subcommands = {BenchCommand.Scenes.class, BenchNetCommand.class})
final class BenchCommand {

    @Command(name = "scenes", mixinStandardHelpOptions = true, description = "Render time per eye per scene.")
    static final class Scenes implements Callable<Integer> {
        @Option(names = "--scenes", split = ",", description = "Scenes (default: all built-ins).")
        List<String> scenes;

        @Option(names = "--size", defaultValue = "1032x1104", description = "Per-eye size WxH.")
        String size;

        @Mixin
        BenchRounds bench;

        @Option(names = "--reference", defaultValue = "0", description = "Also time a k×k reference at twice the size.")
        int reference;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            bench.check();
            int[] wh = Sizes.parse(size, "--size");
            SceneBenchmark.Options options = new SceneBenchmark.Options(scenes == null ? List.of() : scenes, wh[0],
                    wh[1], bench.rounds, bench.warmup, reference, 2 * wh[0], 2 * wh[1]);
            SceneBenchmark.Report report;
            try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-bench"))) {
                report = new SceneBenchmark(SceneCatalog.builtIn()).run(gpu, options);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (bench.json) {
                JsonOutput.print(out, report);
            } else {
                out.printf("%s, %dx%d per eye, median of %d%n", report.device(), wh[0], wh[1], bench.rounds);
                for (SceneBenchmark.SceneTiming t : report.scenes()) {
                    out.printf("  %-18s %s  multiview %.2f ms%n", t.scene(), t.eyeMs(), t.multiviewMs());
                }
            }
            out.flush();
            return 0;
        }
    }
}
