package dev.ocular.compositor.report;

/**
 * The two "1% low" frame rates in use, both computed from frame intervals (the time between consecutive frame
 * starts, what the wearer experiences), and named so nobody mixes them up:
 * <ul>
 * <li>{@code fps_1pct_low_p99}: 1,000,000 / the nearest-rank p99 frame interval in µs (the CapFrameX / PresentMon
 * "P1" style);</li>
 * <li>{@code fps_1pct_low_mean_worst}: 1,000,000 / the mean of the worst 1% of frame intervals, at least one frame
 * (the "average of the slowest 1%" style used by many benchmark reviews).</li>
 * </ul>
 * The second is never above the first. NaN when the run has no intervals (fewer than two frames).
 *
 * @param worstFrames how many intervals the mean-of-worst figure averaged
 */
public record FrameRateLows(double fps1pctLowP99, double fps1pctLowMeanWorst, int worstFrames) {
    public static final FrameRateLows NONE = new FrameRateLows(Double.NaN, Double.NaN, 0);

    /** @param sortedIntervalsMicros ascending frame intervals in µs */
    public static FrameRateLows of(double[] sortedIntervalsMicros) {
        int n = sortedIntervalsMicros.length;
        if (n == 0) {
            return NONE;
        }
        double p99 = Distribution.nearestRank(sortedIntervalsMicros, 99);
        int worst = Math.max(1, (n + 99) / 100);
        double sum = 0;
        for (int i = n - worst; i < n; i++) {
            sum += sortedIntervalsMicros[i];
        }
        return new FrameRateLows(1e6 / p99, 1e6 / (sum / worst), worst);
    }
}
