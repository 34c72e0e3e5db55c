package dev.ocular.vrnet.bench;

import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.TimestampQueries;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.bench.BenchmarkResult.PathResult;
import dev.ocular.vrnet.bench.BenchmarkResult.StageResult;
import dev.ocular.vrnet.gpu.GpuEnsemble;
import dev.ocular.vrnet.gpu.GpuRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.reference.EnsembleMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times vrnet per stage on each requested path for a stereo frame of a given size and checks each GPU path against
 * the CPU reference on the same inputs (the backing of {@code ocular bench net}). GPU stages are timed with Vulkan
 * timestamps around every stage of {@code rounds} frames recorded into one submission after {@code warmup} frames,
 * and reported as medians; the reference path is timed with the CPU clock. Inputs are seeded noise
 * ({@link SyntheticFrames}); the second frame of a two-frame sequence (history in use) is the one compared and timed.
 * An ensemble is timed as it runs in the product: each stage's time summed over the members, then the mean pass.
 */
public final class NetBenchmark {
    /** CPU reference rounds are capped: at benchmark sizes one reference frame takes seconds. */
    public static final int MAX_REFERENCE_ROUNDS = 3;

    /**
     * @param outWidth per-eye output size; the input is the output divided by {@code ratio}, rounded
     * @param seed     seeds the input frames
     */
    public record Options(List<NetPath> paths, int outWidth, int outHeight, double ratio, int warmup, int rounds,
            long seed) {
        public Options {
            paths = List.copyOf(paths);
            if (paths.isEmpty() || outWidth <= 0 || outHeight <= 0 || warmup < 0 || rounds <= 0) {
                throw new IllegalArgumentException("benchmark needs a path, a positive size and at least one round");
            }
            if (!(ratio >= EyeParams.MIN_RATIO && ratio <= EyeParams.MAX_RATIO)) {
                throw new IllegalArgumentException("ratio " + ratio + " is outside [1, 3]");
            }
        }

        /** All paths, Performance preset (2×), 3 warm-up frames and 10 timed rounds. */
        public static Options of(List<NetPath> paths, int outWidth, int outHeight) {
            return new Options(paths, outWidth, outHeight, 2.0, 3, 10, 1);
        }
    }

    private NetBenchmark() {
    }

    /** Runs the benchmark of a single network; {@code gpu} may be null when only the reference path is asked for. */
    public static BenchmarkResult run(GpuContext gpu, NetModel model, Options options) {
        return run(gpu, NetEnsemble.of(model), options);
    }

    /**
     * Runs the benchmark of every member of {@code models} with their outputs averaged (the shipped product);
     * {@code gpu} may be null when only the reference path is asked for.
     */
    public static BenchmarkResult run(GpuContext gpu, NetEnsemble models, Options options) {
        int inW = Math.max(1, (int) Math.round(options.outWidth() / options.ratio()));
        int inH = Math.max(1, (int) Math.round(options.outHeight() / options.ratio()));
        List<List<EyeInput>> frames = frames(options, inW, inH);
        List<ImageData> expected;
        try (VrNetRunner reference = VrNetRunner.open(null, models, NetPath.REFERENCE)) {
            reference.run(frames.get(0));
            expected = reference.run(frames.get(1));
        }
        List<PathResult> results = new ArrayList<>();
        for (NetPath path : options.paths()) {
            results.add(path == NetPath.REFERENCE ? timeReference(models, frames.get(1), options, inW, inH)
                    : timeGpu(requireGpu(gpu, path), models, path, frames, expected, options, inW, inH));
        }
        String device = gpu == null ? "cpu" : gpu.capabilities().name();
        String driver = gpu == null ? "" : gpu.capabilities().driverName() + " " + gpu.capabilities().driverInfo();
        NetModel first = models.first();
        long macs = models.members().stream().mapToLong(m -> m.spec().macsPerPixel()).sum();
        return new BenchmarkResult(device, driver, models.weightsLabel(), first.spec().architecture() + " v"
                + first.spec().version(), models.size(), macs, 2, inW, inH, options.outWidth(), options.outHeight(),
                options.ratio(), options.warmup(), options.rounds(), List.copyOf(results), speedups(results));
    }

    private static GpuContext requireGpu(GpuContext gpu, NetPath path) {
        if (gpu == null) {
            throw new IllegalArgumentException("vr-net path " + path.id() + " needs a Vulkan device");
        }
        return gpu;
    }

    /** A reset frame and a frame that uses its history, both eyes the same size (lens centres mirrored). */
    private static List<List<EyeInput>> frames(Options o, int inW, int inH) {
        Random random = new Random(o.seed());
        List<List<EyeInput>> frames = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            List<EyeInput> eyes = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                eyes.add(new EyeInput(SyntheticFrames.gbuffer(random, inW, inH), new EyeParams(o.outWidth(),
                        o.outHeight(), e == 0 ? 0.56f : 0.44f, 0.5f, 2f, 2f, f == 0)));
            }
            frames.add(eyes);
        }
        return frames;
    }

    private static PathResult timeGpu(GpuContext gpu, NetEnsemble models, NetPath path, List<List<EyeInput>> frames,
            List<ImageData> expected, Options o, int inW, int inH) {
        try (GpuRunner runner = GpuRunner.create(gpu, models, path)) {
            GpuEnsemble net = runner.net();
            runner.run(frames.get(0));
            ErrorStats error = compare(expected, runner.run(frames.get(1)));
            List<EyeGBuffer> gbuffers = runner.upload(frames.get(1));
            List<EyeParams> params = frames.get(1).stream().map(e -> e.params().withReset(false)).toList();
            int t = net.timestampCount();
            long[] nanos;
            try (TimestampQueries queries = TimestampQueries.create(gpu.device(), o.rounds() * t)) {
                gpu.run(cb -> {
                    for (int i = 0; i < o.warmup(); i++) {
                        net.record(cb, gbuffers, params, null, 0);
                    }
                });
                queries.resetAll();
                gpu.run(cb -> {
                    for (int r = 0; r < o.rounds(); r++) {
                        net.record(cb, gbuffers, params, queries, r * t);
                    }
                });
                nanos = queries.readNanos(o.rounds() * t);
            }
            int stages = net.stageNames().size();
            double[][] stageMicros = new double[o.rounds()][stages];
            for (int r = 0; r < o.rounds(); r++) {
                long[] perStage = net.stageNanos(nanos, r * t);
                for (int s = 0; s < stages; s++) {
                    stageMicros[r][s] = perStage[s] / 1e3;
                }
            }
            String detail = path == NetPath.COOPMAT ? net.members().get(0).plan().describe()
                    : "fp32, vec4 channel groups";
            StageCosts costs = StageCosts.of(models, 2, (long) inW * inH, (long) o.outWidth() * o.outHeight(),
                    path == NetPath.COOPMAT ? 2 : 4);
            return result(path, detail, "GPU timestamps, median of " + o.rounds() + " rounds", net.stageNames(),
                    stageMicros, costs, error);
        }
    }

    private static PathResult timeReference(NetEnsemble models, List<EyeInput> frame, Options o, int inW, int inH) {
        int rounds = Math.min(o.rounds(), MAX_REFERENCE_ROUNDS);
        List<ReferenceTimer> timers = models.members().stream().map(ReferenceTimer::new).toList();
        double[][] stageMicros = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            stageMicros[r] = referenceRound(timers, frame);
        }
        StageCosts costs = StageCosts.of(models, 2, (long) inW * inH, (long) o.outWidth() * o.outHeight(), 4);
        return result(NetPath.REFERENCE, "CPU float32, one thread", "CPU wall clock, median of " + rounds
                + " rounds", costs.names(), stageMicros, costs, new ErrorStats(0, 0, 0, 0));
    }

    /** One reference frame: each member's stages summed over the members, then the mean of their outputs. */
    private static double[] referenceRound(List<ReferenceTimer> timers, List<EyeInput> frame) {
        List<ReferenceTimer.Timed> timed = timers.stream().map(t -> t.time(frame)).toList();
        int stages = timed.get(0).micros().length;
        double[] micros = new double[stages + (timed.size() > 1 ? 1 : 0)];
        for (ReferenceTimer.Timed t : timed) {
            for (int s = 0; s < stages; s++) {
                micros[s] += t.micros()[s];
            }
        }
        if (timed.size() > 1) {
            long t0 = System.nanoTime();
            for (int e = 0; e < frame.size(); e++) {
                int eye = e;
                EnsembleMean.apply(timed.stream().map(t -> t.outputs().get(eye)).toList());
            }
            micros[stages] = (System.nanoTime() - t0) / 1e3;
        }
        return micros;
    }

    private static PathResult result(NetPath path, String detail, String timing, List<String> names,
            double[][] stageMicros, StageCosts costs, ErrorStats error) {
        List<StageResult> stages = new ArrayList<>();
        double[] totals = new double[stageMicros.length];
        for (int r = 0; r < stageMicros.length; r++) {
            for (double v : stageMicros[r]) {
                totals[r] += v;
            }
        }
        for (int s = 0; s < names.size(); s++) {
            double[] column = new double[stageMicros.length];
            for (int r = 0; r < stageMicros.length; r++) {
                column[r] = stageMicros[r][s];
            }
            double micros = median(column);
            stages.add(new StageResult(names.get(s), micros, costs.gflop()[s], costs.megabytes()[s],
                    rate(costs.gflop()[s] / 1e3, micros), rate(costs.megabytes()[s] / 1e3, micros)));
        }
        double total = median(totals);
        return new PathResult(path.id(), detail, timing, List.copyOf(stages), total,
                rate(costs.totalGflop() / 1e3, total), rate(costs.totalMegabytes() / 1e3, total), error.nmse(),
                error.maxAbs(), error.nonFinite());
    }

    /** Units per second from thousands of units and microseconds (TFLOP from GFLOP/1e3, GB from MB/1e3). */
    private static double rate(double amount, double micros) {
        return micros > 0 ? amount / (micros * 1e-6) : 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static ErrorStats compare(List<ImageData> expected, List<ImageData> actual) {
        int n = 0;
        for (ImageData e : expected) {
            n += e.data().length;
        }
        float[] x = new float[n];
        float[] a = new float[n];
        int at = 0;
        for (int e = 0; e < expected.size(); e++) {
            System.arraycopy(expected.get(e).data(), 0, x, at, expected.get(e).data().length);
            System.arraycopy(actual.get(e).data(), 0, a, at, actual.get(e).data().length);
            at += expected.get(e).data().length;
        }
        return ErrorStats.compare(x, a);
    }

    /** Per stage, scalar median over coopmat median (above 1: coopmat is faster), and the same for the total. */
    private static Map<String, Double> speedups(List<PathResult> results) {
        PathResult scalar = find(results, NetPath.SCALAR);
        PathResult coopmat = find(results, NetPath.COOPMAT);
        Map<String, Double> speedups = new LinkedHashMap<>();
        if (scalar == null || coopmat == null) {
            return speedups;
        }
        for (int s = 0; s < scalar.stages().size(); s++) {
            speedups.put(scalar.stages().get(s).name(), scalar.stages().get(s).medianMicros()
                    / coopmat.stages().get(s).medianMicros());
        }
        speedups.put("total", scalar.totalMicros() / coopmat.totalMicros());
        return speedups;
    }

    private static PathResult find(List<PathResult> results, NetPath path) {
        return results.stream().filter(r -> r.path().equals(path.id())).findFirst().orElse(null);
    }
}
