package dev.ocular.compositor.report;

import java.util.Arrays;

/**
 * Summary of one measured quantity over a run, in the unit of its inputs (µs for FrameLog columns). Percentiles use
 * the nearest-rank method: the p-th percentile of n ascending values is the value at 1-based rank ⌈p·n/100⌉, always an
 * observed sample and never an interpolation, so a reported p99 frame time is a frame that really happened. NaN inputs
 * (a stage that did not run) are left out; with no samples, count is 0 and every statistic is NaN.
 */
public record Distribution(int count, double mean, double p50, double p95, double p99, double max) {
    public static final Distribution EMPTY = new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** Summarises the first {@code length} entries of {@code values}, skipping NaN. */
    public static Distribution of(float[] values, int length) {
        double[] finite = new double[length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (!Float.isNaN(values[i])) {
                finite[n++] = values[i];
            }
        }
        return ofUnsorted(Arrays.copyOf(finite, n));
    }

    /** Summarises the values (sorted in place); NaN entries must already be removed. */
    public static Distribution ofUnsorted(double[] values) {
        Arrays.sort(values);
        return ofSorted(values);
    }

    /** Summarises ascending values without NaN. */
    public static Distribution ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Distribution(n, sum / n, nearestRank(sorted, 50), nearestRank(sorted, 95),
                nearestRank(sorted, 99), sorted[n - 1]);
    }

    /**
     * The nearest-rank percentile of ascending values. Integer arithmetic on purpose: in doubles 0.99 × 100 is
     * 99.00000000000001, whose ceiling would pick the maximum instead of the 99th value.
     */
    public static double nearestRank(double[] sorted, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile " + percent + " outside 1..100");
        }
        long n = sorted.length;
        int rank = (int) Math.max(1, (percent * n + 99) / 100);
        return sorted[rank - 1];
    }

    /** The same distribution with every statistic divided by {@code divisor} (µs → ms with 1000). */
    public Distribution scaled(double divisor) {
        return new Distribution(count, mean / divisor, p50 / divisor, p95 / divisor, p99 / divisor, max / divisor);
    }
}
