package dev.ocular.compositor.cli;

import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.bench.BenchmarkResult;
import dev.ocular.vrnet.bench.NetBenchmark;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocular bench net}: vr-net per layer and in total, per executor, against the CPU reference. */
@Command(name = "net", mixinStandardHelpOptions = true, description = "Benchmark vr-net: per-layer and total GPU time "
        + "(timestamps), TFLOP/s, GB/s, NMSE and max-abs against the CPU reference.")
final class BenchNetCommand implements Callable<Integer> {
    @Option(names = "--path", defaultValue = "all", description = "reference, scalar, coopmat or all.")
    String path;

    @Option(names = "--size", defaultValue = "512x512", description = "Per-eye output size WxH (input = size / ratio).")
    String size;

    @Option(names = "--preset", defaultValue = "performance", description = "Ratio preset or a ratio in [1, 3].")
    String preset;

    @Mixin
    BenchRounds bench;

    @Option(names = "--weights", split = ",", description = "Weights to time; several, comma-separated, are timed as "
            + "the ensemble they make (each member, then the mean pass). Default: the shipped members; random "
            + "weights, labelled as such, when the build has none.")
    List<Path> weights = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] wh = Sizes.parse(size, "--size");
        double ratio = Preset.parseRatio(preset, "--preset");
        List<NetPath> paths = path.equals("all") ? List.of(NetPath.REFERENCE, NetPath.SCALAR, NetPath.COOPMAT)
                : List.of(NetPath.parse(path, "--path"));
        bench.check();
        NetEnsemble models = !weights.isEmpty() ? VrNetModels.ensemble(weights) : VrNetModels.shipped()
                .orElseGet(() -> NetEnsemble.of(NetModel.random(NetSpec.shipped(), 1)));
        BenchmarkResult result;
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-bench"))) {
            for (NetPath p : paths) {
                if (p == NetPath.COOPMAT && !gpu.capabilities().canRunFp16CoopMat()) {
                    throw new BadInputException("--path coopmat: device " + gpu.capabilities().name()
                            + " cannot run fp16 cooperative matrices");
                }
            }
            result = NetBenchmark.run(gpu, models, new NetBenchmark.Options(paths, wh[0], wh[1], ratio, bench.warmup,
                    bench.rounds, 1));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (bench.json) {
            JsonOutput.print(out, result);
        } else {
            out.print(text(result));
        }
        out.flush();
        return 0;
    }

    private static String text(BenchmarkResult r) {
        StringBuilder b = new StringBuilder();
        String networks = r.members() == 1 ? "1 network" : r.members() + " networks, outputs averaged";
        b.append(String.format("%s — weights %s — %s — %d eyes %dx%d -> %dx%d (ratio %.2f), median of %d%n",
                r.device(), r.weights(), networks, r.eyes(), r.inWidth(), r.inHeight(), r.outWidth(), r.outHeight(),
                r.ratio(), r.rounds()));
        for (BenchmarkResult.PathResult p : r.paths()) {
            b.append(String.format("  %-9s total %9.1f µs  %.3f TFLOP/s  NMSE %.2e  max-abs %.2e  (%s)%n", p.path(),
                    p.totalMicros(), p.tflops(), p.nmse(), p.maxAbs(), p.timing()));
            for (BenchmarkResult.StageResult s : p.stages()) {
                b.append(String.format("      %-8s %9.1f µs  %.3f TFLOP/s  %.1f GB/s%n", s.name(), s.medianMicros(),
                        s.tflops(), s.gbps()));
            }
        }
        if (r.speedups() != null && !r.speedups().isEmpty()) {
            b.append("  scalar/coopmat time ratio: ").append(r.speedups()).append('\n');
        }
        return b.toString();
    }
}
