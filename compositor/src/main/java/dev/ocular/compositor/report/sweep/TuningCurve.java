package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.Distribution;
import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.EyeQuality;
import dev.ocular.compositor.report.StereoEye;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GPU time against quality for one eye across a sweep. The tuning curve is the Pareto front: configurations that no
 * other beats on both GPU time (mean, lower is better) and PSNR (higher is better). A tester picks a point on it for
 * each eye; everything off it costs more for the same quality or looks worse for the same cost.
 */
public final class TuningCurve {
    private TuningCurve() {
    }

    /** Every configuration's point for {@code eye}, in sweep order, with the curve marked. */
    public static List<TuningPoint> points(List<SweepResult> results, StereoEye eye) {
        List<TuningPoint> raw = new ArrayList<>();
        for (SweepResult r : results) {
            Distribution gpu = r.stats().eye(eye).gpuTotal();
            EyeQuality q = r.quality() == null ? null : r.quality().eye(eye);
            EyeConfig config = r.info().eye(eye);
            raw.add(new TuningPoint(r.point().index(), eye, r.point().label(), config.preset(), config.method(),
                    gpu.mean() / 1000, gpu.p99() / 1000, q == null ? Double.NaN : q.psnrDb(),
                    q == null ? Double.NaN : q.flipMean(), false));
        }
        List<TuningPoint> out = new ArrayList<>(raw.size());
        for (TuningPoint p : raw) {
            out.add(new TuningPoint(p.index(), eye, p.label(), p.preset(), p.method(), p.gpuMsMean(), p.gpuMsP99(),
                    p.psnrDb(), p.flipMean(), onFront(p, raw)));
        }
        return out;
    }

    /** The curve itself: the points on it, fastest first. */
    public static List<TuningPoint> curve(List<TuningPoint> points) {
        return points.stream().filter(TuningPoint::onTuningCurve)
                .sorted(Comparator.comparingDouble(TuningPoint::gpuMsMean)).toList();
    }

    private static boolean onFront(TuningPoint p, List<TuningPoint> all) {
        if (!Double.isFinite(p.gpuMsMean()) || !Double.isFinite(p.psnrDb())) {
            return false;
        }
        for (TuningPoint o : all) {
            if (o == p || !Double.isFinite(o.gpuMsMean()) || !Double.isFinite(o.psnrDb())) {
                continue;
            }
            boolean noWorse = o.gpuMsMean() <= p.gpuMsMean() && o.psnrDb() >= p.psnrDb();
            boolean better = o.gpuMsMean() < p.gpuMsMean() || o.psnrDb() > p.psnrDb();
            if (noWorse && better) {
                return false;
            }
        }
        return true;
    }
}
