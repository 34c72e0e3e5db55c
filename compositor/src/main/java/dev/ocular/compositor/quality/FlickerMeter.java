package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * Temporal flicker of an output sequence against its reference sequence, model-free: for each pair of consecutive
 * frames (t − 1, t), the mean over a region of |ΔY_out − ΔY_ref| with ΔY = Y_t − Y_{t−1} on display-referred BT.601
 * luma ({@link DisplayReferred}); the result is the mean over pairs (../shared/notes/conventions.md). Changes the
 * reference also shows (motion, animation) cancel; what remains is shimmer, crawl and ghost trails the method adds or
 * stabilisation it lacks. Units: luma in [0, 1]; 0 means the output changes exactly as the reference does.
 *
 * <p>The first {@code warmUpFrames} frames only seed history: a pair counts when its earlier frame has index ≥
 * warmUpFrames (frames counted from 0), so temporal methods are judged after they have converged. Feed frames in order,
 * one eye per meter; the meter keeps the previous frame's two luma planes.
 */
public final class FlickerMeter {
    /** Mean flicker per region, over {@code pairs} frame pairs (NaN before the first counted pair). */
    public record Flicker(double whole, double centre, double periphery, int pairs, int warmUpFrames) {
    }

    private final int warmUpFrames;
    private final LensSplit split;
    private ImageData previousReference;
    private ImageData previousOutput;
    private int frames;
    private int pairs;
    private final double[] sums = new double[3];

    public FlickerMeter(int warmUpFrames, LensSplit split) {
        if (warmUpFrames < 0) {
            throw new IllegalArgumentException("warm-up frames must be ≥ 0, got " + warmUpFrames);
        }
        this.warmUpFrames = warmUpFrames;
        this.split = split;
    }

    /** Adds frame t: the reference and the method's output, both linear HDR colour of the split's size. */
    public void accept(ImageData referenceLinear, ImageData outputLinear) {
        Psnr.requireSameShape(referenceLinear, outputLinear);
        split.whole().requireSize(referenceLinear.width(), referenceLinear.height());
        ImageData ref = DisplayReferred.luma(DisplayReferred.rgb(referenceLinear));
        ImageData out = DisplayReferred.luma(DisplayReferred.rgb(outputLinear));
        if (previousReference != null && frames - 1 >= warmUpFrames) {
            sums[0] += pairError(ref, out, split.whole());
            sums[1] += pairError(ref, out, split.centre());
            sums[2] += pairError(ref, out, split.periphery());
            pairs++;
        }
        previousReference = ref;
        previousOutput = out;
        frames++;
    }

    private double pairError(ImageData ref, ImageData out, PixelMask mask) {
        float[] r1 = ref.data();
        float[] o1 = out.data();
        float[] r0 = previousReference.data();
        float[] o0 = previousOutput.data();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < r1.length; i++) {
            if (mask.inside()[i]) {
                sum += Math.abs((o1[i] - o0[i]) - (r1[i] - r0[i]));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public Flicker result() {
        if (pairs == 0) {
            return new Flicker(Double.NaN, Double.NaN, Double.NaN, 0, warmUpFrames);
        }
        return new Flicker(sums[0] / pairs, sums[1] / pairs, sums[2] / pairs, pairs, warmUpFrames);
    }
}
