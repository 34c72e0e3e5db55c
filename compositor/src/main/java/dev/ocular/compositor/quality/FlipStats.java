package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;
import java.util.Arrays;

/**
 * The pooled numbers the ꟻLIP tool reports for an error map: mean, weighted median and weighted quartiles, min, max.
 * A weighted percentile p is the error value below which a fraction p of the total error mass lies (ꟻLIP's
 * {@code pooling::getPercentile(p, weighted = true)}: the first value in ascending order at which the running sum
 * exceeds p · sum), so it tells where the visible error is concentrated; it is 0 for an error-free map.
 *
 * @param count pixels pooled
 */
public record FlipStats(double mean, double weightedMedian, double weightedQ1, double weightedQ3, double min,
        double max, int count) {

    /** Statistics of {@code errorMap} (one channel) over the pixels in {@code mask}; NaNs for an empty mask. */
    public static FlipStats of(ImageData errorMap, PixelMask mask) {
        if (errorMap.channels() != 1) {
            throw new IllegalArgumentException("error map must have one channel, got " + errorMap.channels());
        }
        mask.requireSize(errorMap.width(), errorMap.height());
        float[] values = new float[mask.count()];
        int n = 0;
        for (int i = 0; i < mask.inside().length; i++) {
            if (mask.inside()[i]) {
                values[n++] = errorMap.data()[i];
            }
        }
        if (n == 0) {
            return new FlipStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Arrays.sort(values);
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return new FlipStats(sum / n, weightedPercentile(values, sum, 0.5), weightedPercentile(values, sum, 0.25),
                weightedPercentile(values, sum, 0.75), values[0], values[n - 1], n);
    }

    private static double weightedPercentile(float[] sorted, double sum, double p) {
        double running = 0;
        for (float v : sorted) {
            running += v;
            if (running > p * sum) {
                return v;
            }
        }
        return 0.0;
    }
}
