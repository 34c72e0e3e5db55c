package dev.ocular.vrnet.bench;

import dev.ocular.vrnet.gpu.GpuEnsemble;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Useful work and compulsory memory traffic of each stage for one stereo frame, from the spec and the sizes alone, so
 * every path is measured against the same yardstick (padding and recomputation are the executor's overhead).
 *
 * @param gflop     per stage, 2 × multiply-adds over real channels
 * @param megabytes per stage, every tensor read once and written once, plus weights
 */
record StageCosts(List<String> names, double[] gflop, double[] megabytes) {
    private static final int COLOUR_BYTES = 8;  // RGBA16F
    private static final int DEPTH_BYTES = 4;   // D32
    private static final int MOTION_BYTES = 4;  // RG16F

    /**
     * An ensemble's costs: each member stage's summed over the members (they record the same stages), then, with
     * two or more members, the mean pass, which reads every member's output and writes one.
     *
     * @param elementBytes activation element size of the path: 4 (fp32) or 2 (fp16)
     */
    static StageCosts of(NetEnsemble models, int eyes, long inPixelsPerEye, long outPixelsPerEye, int elementBytes) {
        List<StageCosts> members = models.members().stream()
                .map(m -> of(m.spec(), eyes, inPixelsPerEye, outPixelsPerEye, elementBytes)).toList();
        StageCosts first = members.get(0);
        if (members.size() == 1) {
            return first;
        }
        int n = first.names().size();
        double[] gflop = new double[n + 1];
        double[] megabytes = new double[n + 1];
        for (StageCosts m : members) {
            for (int s = 0; s < n; s++) {
                gflop[s] += m.gflop()[s];
                megabytes[s] += m.megabytes()[s];
            }
        }
        megabytes[n] = (double) eyes * outPixelsPerEye * (members.size() + 1) * COLOUR_BYTES / 1e6;
        List<String> names = new ArrayList<>(first.names());
        names.add(GpuEnsemble.MEAN_STAGE);
        return new StageCosts(List.copyOf(names), gflop, megabytes);
    }

    /**
     * @param elementBytes activation element size of the path: 4 (fp32) or 2 (fp16)
     */
    static StageCosts of(NetSpec spec, int eyes, long inPixelsPerEye, long outPixelsPerEye, int elementBytes) {
        double in = (double) eyes * inPixelsPerEye;
        double out = (double) eyes * outPixelsPerEye;
        List<String> names = new ArrayList<>();
        List<double[]> costs = new ArrayList<>();
        names.add("pack");
        // Also writes the depth it keeps for the next frame (always) and, for the disocclusion input, reads last
        // frame's (four taps per pixel, shared with the neighbours': about one texel each).
        int keptDepth = DEPTH_BYTES * (spec.inputs().contains(NetSpec.DISOCCLUSION) ? 2 : 1);
        costs.add(new double[] {0, in * (COLOUR_BYTES + DEPTH_BYTES + MOTION_BYTES + keptDepth
                + spec.inputChannels() * elementBytes) + out * COLOUR_BYTES});
        for (LayerSpec l : spec.layers()) {
            names.add(l.name());
            double weights = (double) (l.macsPerPixel() + l.out()) * elementBytes;
            costs.add(new double[] {2.0 * l.macsPerPixel() * in, in * (l.in() + l.out()) * elementBytes + weights});
        }
        names.add("fuse");
        // Reads colour, depth, motion and the head at low resolution; history once (its 6 × 6 Lanczos taps overlap
        // between neighbours, so caches serve most of them); writes the output and the next history.
        // With a refine stage it also writes the refine input at output resolution.
        costs.add(new double[] {0, in * (COLOUR_BYTES + DEPTH_BYTES + MOTION_BYTES
                + spec.headChannels() * elementBytes) + out * 3 * COLOUR_BYTES
                + (spec.refine().isEmpty() ? 0 : out * spec.refine().get(0).in() * elementBytes)});
        for (LayerSpec l : spec.refine()) {
            names.add(l.name());
            double weights = (double) (l.macsPerPixel() + l.out()) * elementBytes;
            costs.add(new double[] {2.0 * l.macsPerPixel() * out, out * (l.in() + l.out()) * elementBytes
                    + weights});
        }
        if (!spec.refine().isEmpty()) {
            // Reads the residual and the output, writes the output.
            names.add(dev.ocular.vrnet.gpu.GpuVrNet.APPLY_STAGE);
            costs.add(new double[] {0, out * (NetSpec.REFINE_COLOUR * elementBytes + 2 * COLOUR_BYTES)});
        }
        double[] gflop = new double[names.size()];
        double[] megabytes = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            gflop[i] = costs.get(i)[0] / 1e9;
            megabytes[i] = costs.get(i)[1] / 1e6;
        }
        return new StageCosts(List.copyOf(names), gflop, megabytes);
    }

    double totalGflop() {
        double sum = 0;
        for (double g : gflop) {
            sum += g;
        }
        return sum;
    }

    double totalMegabytes() {
        double sum = 0;
        for (double m : megabytes) {
            sum += m;
        }
        return sum;
    }
}
