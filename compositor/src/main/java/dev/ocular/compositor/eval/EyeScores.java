package dev.ocular.compositor.eval;

import dev.ocular.compositor.eval.EvalReport.EyeMetrics;
import dev.ocular.compositor.eval.EvalReport.FrameMetrics;
import dev.ocular.compositor.eval.EvalReport.RegionMetrics;
import dev.ocular.compositor.quality.FlickerMeter;
import dev.ocular.compositor.quality.FrameQuality;
import dev.ocular.compositor.quality.ImageQuality;
import dev.ocular.compositor.quality.LensSplit;
import dev.ocular.compositor.quality.RegionScores;
import dev.ocular.gpu.frame.ImageData;
import java.util.ArrayList;
import java.util.List;

/**
 * Running metrics of one method on one eye over the measured frames: per-frame PSNR, SSIM and ꟻLIP are averaged
 * (each frame weighs the same), flicker comes from a {@link FlickerMeter} fed the same frames; each frame's
 * whole-image scores are kept too. Not thread-safe; one per method and eye.
 */
final class EyeScores {
    private final double pixelsPerDegree;
    private final LensSplit split;
    private final FlickerMeter flicker;
    private final int firstFrame;
    private final double[][] sums = new double[3][4];
    private final List<FrameMetrics> perFrame = new ArrayList<>();
    private FrameQuality last;

    /** @param firstFrame the head-path index of the first frame {@link #accept} will see (the warm-up length) */
    EyeScores(double pixelsPerDegree, LensSplit split, int firstFrame) {
        this.pixelsPerDegree = pixelsPerDegree;
        this.split = split;
        this.firstFrame = firstFrame;
        // Only measured frames are fed, so no further frames need skipping here.
        this.flicker = new FlickerMeter(0, split);
    }

    void accept(ImageData reference, ImageData output) {
        FrameQuality q = ImageQuality.compare(reference, output, pixelsPerDegree, split);
        add(0, q.whole());
        add(1, q.centre());
        add(2, q.periphery());
        flicker.accept(reference, output);
        perFrame.add(new FrameMetrics(firstFrame + perFrame.size(), q.whole().psnr(), q.whole().psnrY(),
                q.whole().flip().mean()));
        last = q;
    }

    private void add(int region, RegionScores s) {
        sums[region][0] += s.psnr();
        sums[region][1] += s.psnrY();
        sums[region][2] += s.ssim();
        sums[region][3] += s.flip().mean();
    }

    /** The ꟻLIP map of the last frame accepted (for heatmaps), or null. */
    FrameQuality last() {
        return last;
    }

    EyeMetrics result() {
        FlickerMeter.Flicker f = flicker.result();
        return new EyeMetrics(mean(0, 0), mean(0, 1), mean(0, 2), mean(0, 3), f.whole(),
                new RegionMetrics(mean(1, 0), mean(1, 1), mean(1, 2), mean(1, 3), f.centre()),
                new RegionMetrics(mean(2, 0), mean(2, 1), mean(2, 2), mean(2, 3), f.periphery()),
                List.copyOf(perFrame));
    }

    private double mean(int region, int metric) {
        return perFrame.isEmpty() ? Double.NaN : sums[region][metric] / perFrame.size();
    }
}
