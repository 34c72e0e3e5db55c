package dev.ocular.compositor.eval;

import dev.ocular.compositor.eval.EvalReport.EyeMetrics;
import dev.ocular.compositor.eval.EvalReport.RegionMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Averages of metrics over scenes (each scene weighs the same); per-frame lists stay with their scenes. */
final class MetricMeans {
    private MetricMeans() {
    }

    static EyeMetrics of(List<EyeMetrics> all) {
        return new EyeMetrics(avg(all, EyeMetrics::psnr), avg(all, EyeMetrics::psnrY), avg(all, EyeMetrics::ssim),
                avg(all, EyeMetrics::flip), avg(all, EyeMetrics::flicker),
                region(all.stream().map(EyeMetrics::centre).toList()),
                region(all.stream().map(EyeMetrics::periphery).toList()), null);
    }

    private static RegionMetrics region(List<RegionMetrics> all) {
        return new RegionMetrics(avg(all, RegionMetrics::psnr), avg(all, RegionMetrics::psnrY),
                avg(all, RegionMetrics::ssim), avg(all, RegionMetrics::flip), avg(all, RegionMetrics::flicker));
    }

    private static <T> double avg(List<T> all, ToDoubleFunction<T> f) {
        return all.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
