package dev.ocular.vrnet.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@link NetBenchmark} measured; records serialise to JSON with Jackson as they are.
 *
 * @param weights     where the weights came from, e.g. {@code random (seed 1)}: benchmarks never pass random weights
 *                    off as trained
 * @param members     networks timed side by side with their outputs averaged (1: a single network); each stage's
 *                    time and cost is summed over them
 * @param macsPerPixel multiply-adds of all members
 * @param speedups    per stage (and "total"), scalar median time / coopmat median time, when both paths ran
 */
public record BenchmarkResult(String device, String driver, String weights, String architecture, int members,
        long macsPerPixel, int eyes, int inWidth, int inHeight, int outWidth, int outHeight, double ratio,
        int warmup, int rounds, List<PathResult> paths, Map<String, Double> speedups) {

    /**
     * One path's numbers.
     *
     * @param timing     how times were taken: GPU timestamps (median over rounds) or CPU wall clock
     * @param totalMicros median of the per-round sum over stages
     * @param nmse       of the second frame's outputs (history in use) against the CPU reference; 0 for it
     */
    public record PathResult(String path, String detail, String timing, List<StageResult> stages,
            double totalMicros, double tflops, double gbps, double nmse, double maxAbs, int nonFinite) {
    }

    /**
     * One stage: pack, a layer, or fuse.
     *
     * @param gflop     useful arithmetic per frame (both eyes): 2 × multiply-adds of the layer's real channels; 0 for
     *                  pack and fuse, which are memory-bound
     * @param megabytes compulsory traffic per frame: each input and output tensor once, plus weights
     */
    public record StageResult(String name, double medianMicros, double gflop, double megabytes, double tflops,
            double gbps) {
    }
}
