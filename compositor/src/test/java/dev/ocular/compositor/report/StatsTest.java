package dev.ocular.compositor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics on inputs small enough to compute by hand. */
class StatsTest {
    private static final double EPS = 1e-9;

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // unsorted on purpose
        }
        Distribution d = Distribution.ofUnsorted(values);
        assertEquals(100, d.count());
        assertEquals(50.5, d.mean(), EPS);
        assertEquals(50, d.p50(), EPS);
        assertEquals(95, d.p95(), EPS);
        assertEquals(99, d.p99(), EPS, "rank ceil(0.99*100) = 99, not the maximum");
        assertEquals(100, d.max(), EPS);
    }

    @Test
    void nearestRankOnTenValuesAndNaNSkipped() {
        float[] values = {7, Float.NaN, 1, 9, 3, 5, 2, 8, 10, 4, 6, Float.NaN};
        Distribution d = Distribution.of(values, values.length);
        assertEquals(10, d.count());
        assertEquals(5.5, d.mean(), EPS);
        assertEquals(5, d.p50(), EPS, "rank ceil(5) = 5");
        assertEquals(10, d.p95(), EPS, "rank ceil(9.5) = 10");
        assertEquals(10, d.p99(), EPS);
        Distribution none = Distribution.of(new float[] {Float.NaN}, 1);
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.mean()));
    }

    /**
     * 201 frames → 200 intervals: 196 of 10 ms, then 20, 30, 40, 50 ms. p99 is rank 198 = 30 ms → 33.33 fps; the
     * worst 1% is 2 intervals, mean 45 ms → 22.22 fps.
     */
    @Test
    void bothOnePercentLows() {
        FrameLog log = new FrameLog(List.of("scene"));
        long[] extra = {20, 30, 40, 50};
        long t = 0;
        for (int f = 0; f < 201; f++) {
            log.append(f, t, 10_000_000, t, (byte) 0);
            int k = f - 196;
            t += (k >= 0 && k < 4 ? extra[k] : 10) * 1_000_000L;
        }
        RunStats stats = RunStats.of(log);
        assertEquals(200, stats.frameInterval().count());
        assertEquals(1000.0 / 30, stats.lows().fps1pctLowP99(), 1e-9);
        assertEquals(1000.0 / 45, stats.lows().fps1pctLowMeanWorst(), 1e-9);
        assertEquals(2, stats.lows().worstFrames());
        double meanMs = (196 * 10 + 20 + 30 + 40 + 50) / 200.0;
        assertEquals(1000 / meanMs, stats.meanFps(), 1e-9);
        // Intervals of 20..50 ms with a 10 ms period: all four exceed 1.5 periods.
        assertEquals(4, stats.counts().shownTwiceEstimate());
    }

    @Test
    void onePercentLowOfFewFramesUsesTheWorstOne() {
        FrameRateLows lows = FrameRateLows.of(new double[] {10_000, 20_000, 40_000});
        assertEquals(25, lows.fps1pctLowP99(), EPS);
        assertEquals(25, lows.fps1pctLowMeanWorst(), EPS);
        assertEquals(1, lows.worstFrames());
        assertTrue(Double.isNaN(FrameRateLows.of(new double[0]).fps1pctLowP99()));
    }

    @Test
    void countsFlagsAndSkipsStagesThatDidNotRun() {
        FrameLog log = new FrameLog(List.of("scene", "taau"));
        log.append(0, 0, 10_000_000, 0, FrameLog.FLAG_HISTORY_RESET);
        log.append(1, 0, 10_000_000, 10_000_000, (byte) (FrameLog.FLAG_LATE | FrameLog.FLAG_DISCARDED));
        log.append(2, 0, 10_000_000, 26_000_000, FrameLog.FLAG_SKIPPED);
        log.append(3, 0, 10_000_000, 36_000_000, (byte) 0);
        log.gpu(0, 0, 0, 2_000_000);
        log.gpu(1, 0, 0, 4_000_000);
        log.gpu(3, 0, 0, 6_000_000);
        log.gpu(3, 0, 1, 1_000_000);
        log.gpu(0, 1, 0, 3_000_000);
        log.cpu(0, CpuPhase.WAIT, 1_000_000);
        RunStats s = RunStats.of(log);
        FrameCounts c = s.counts();
        assertEquals(4, c.frames());
        assertEquals(1, c.late());
        assertEquals(1, c.discarded());
        assertEquals(1, c.skipped());
        assertEquals(1, c.historyResets());
        assertEquals(1, c.shownTwiceEstimate(), "16 ms > 15 ms; 10 ms is not");
        EyeStats left = s.eye(StereoEye.LEFT);
        assertEquals(3, left.stages().get("scene").count());
        assertEquals(4000, left.stages().get("scene").mean(), 1e-3);
        assertEquals(1, left.stages().get("taau").count());
        assertEquals(3, left.gpuTotal().count(), "the skipped frame has no GPU total, not a zero");
        assertEquals((2000 + 4000 + 7000) / 3.0, left.gpuTotal().mean(), 1e-3);
        assertEquals(1, s.eye(StereoEye.RIGHT).gpuTotal().count());
        assertEquals(1, s.cpu().get(CpuPhase.WAIT).count());
        assertEquals(0, s.cpu().get(CpuPhase.END).count());
        assertEquals(10_000, s.predictedPeriodMean(), 1e-3);
        assertEquals(log.bytesPerFrame(), s.bytesPerFrame());
    }

    @Test
    void decimalTextIsFixedPointAndExact() {
        assertEquals("0.000", DecimalText.format(0.0001, 3));
        assertEquals("-1.250", DecimalText.format(-1.25, 3));
        assertEquals("123456789.1", DecimalText.format(123456789.06, 1));
        assertEquals("", DecimalText.format(Double.NaN, 2));
        assertEquals("12.005", DecimalText.nanosAsMicros(12_005));
        assertEquals("0.050", DecimalText.nanosAsMicros(50));
        assertEquals("-1.500", DecimalText.nanosAsMicros(-1_500));
    }

    @Test
    void histogramPutsOutliersInOverflow() {
        double[] sorted = new double[1000];
        for (int i = 0; i < 999; i++) {
            sorted[i] = 10 + i % 10;
        }
        sorted[999] = 500;
        Arrays.sort(sorted);
        Histogram h = Histogram.of(sorted, 10);
        assertEquals(1000, h.total());
        assertEquals(1, h.overflow(), "the single 500 is above p99.9");
        assertEquals(10, h.start(), EPS);
        assertEquals(0.9, h.width(), 1e-12);
    }
}
