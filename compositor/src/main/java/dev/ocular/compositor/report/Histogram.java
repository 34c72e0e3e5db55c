package dev.ocular.compositor.report;

/**
 * Equal-width bins for a report's histogram. The range is [min, p99.9] of the samples (nearest rank), with everything
 * above counted in {@code overflow}, so one half-second hitch does not squash a frame-time histogram into one bar.
 *
 * @param start lower edge of the first bin
 * @param width bin width
 * @param counts samples per bin
 * @param overflow samples above the last bin
 */
public record Histogram(double start, double width, int[] counts, int overflow) {
    /** @param sorted ascending samples without NaN */
    public static Histogram of(double[] sorted, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins " + bins);
        }
        int n = sorted.length;
        if (n == 0) {
            return new Histogram(0, 0, new int[0], 0);
        }
        double lo = sorted[0];
        int rank = (int) Math.max(1, (999L * n + 999) / 1000);
        double hi = sorted[rank - 1];
        double width = hi > lo ? (hi - lo) / bins : 1.0;
        int[] counts = new int[bins];
        int overflow = 0;
        for (double v : sorted) {
            if (v > hi) {
                overflow++;
                continue;
            }
            int bin = (int) ((v - lo) / width);
            counts[Math.min(bins - 1, bin)]++;
        }
        return new Histogram(lo, width, counts, overflow);
    }

    public int total() {
        int sum = overflow;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }
}
