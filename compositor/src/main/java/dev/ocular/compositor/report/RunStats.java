package dev.ocular.compositor.report;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one run, computed from its {@link FrameLog}. All times are µs.
 *
 * @param bytesPerFrame the log's storage per frame (so users can size an hour-long run)
 * @param frameInterval time between consecutive frame starts; a run of n frames has n − 1 intervals
 * @param meanFps 1,000,000 / the mean frame interval
 * @param predictedPeriodMean mean predicted display period (NaN when the sink has no runtime clock)
 * @param cpu per host phase
 * @param eyes left then right
 */
public record RunStats(int bytesPerFrame, FrameCounts counts, Distribution frameInterval, double meanFps,
        FrameRateLows lows, double predictedPeriodMean, Map<CpuPhase, Distribution> cpu, List<EyeStats> eyes) {

    public RunStats {
        cpu = Collections.unmodifiableMap(new EnumMap<>(cpu));
        eyes = List.copyOf(eyes);
    }

    public EyeStats eye(StereoEye eye) {
        return eyes.get(eye.index());
    }

    /** Computes the statistics; the log must not be appended to meanwhile (FrameLog is not thread-safe). */
    public static RunStats of(FrameLog log) {
        int n = log.size();
        double[] intervals = intervalsMicros(log);
        Distribution interval = Distribution.ofUnsorted(intervals);
        Map<CpuPhase, Distribution> cpu = new EnumMap<>(CpuPhase.class);
        float[] column = new float[n];
        for (CpuPhase phase : CpuPhase.values()) {
            for (int row = 0; row < n; row++) {
                column[row] = log.cpuMicros(row, phase);
            }
            cpu.put(phase, Distribution.of(column, n));
        }
        List<EyeStats> eyes = Arrays.stream(StereoEye.values()).map(eye -> eyeStats(log, eye)).toList();
        return new RunStats(log.bytesPerFrame(), counts(log), interval, 1e6 / interval.mean(),
                FrameRateLows.of(intervals), meanPeriod(log), cpu, eyes);
    }

    /** Frame intervals in row order (row i ≥ 1: start[i] − start[i−1]), µs. */
    static double[] intervalsMicros(FrameLog log) {
        int n = log.size();
        double[] out = new double[Math.max(0, n - 1)];
        for (int row = 1; row < n; row++) {
            out[row - 1] = (log.startNanos(row) - log.startNanos(row - 1)) / 1000.0;
        }
        return out;
    }

    private static EyeStats eyeStats(FrameLog log, StereoEye eye) {
        int n = log.size();
        Map<String, Distribution> stages = new LinkedHashMap<>();
        float[] column = new float[n];
        for (int s = 0; s < log.stages().size(); s++) {
            for (int row = 0; row < n; row++) {
                column[row] = log.gpuMicros(row, eye.index(), s);
            }
            stages.put(log.stages().get(s), Distribution.of(column, n));
        }
        for (int row = 0; row < n; row++) {
            column[row] = gpuTotalOrNaN(log, row, eye);
        }
        return new EyeStats(eye, stages, Distribution.of(column, n));
    }

    /** The eye's GPU total for a frame, NaN (not 0) when none of its stages ran, so skipped frames don't count. */
    public static float gpuTotalOrNaN(FrameLog log, int row, StereoEye eye) {
        boolean any = false;
        for (int s = 0; s < log.stages().size() && !any; s++) {
            any = !Float.isNaN(log.gpuMicros(row, eye.index(), s));
        }
        return any ? log.gpuTotalMicros(row, eye.index()) : Float.NaN;
    }

    private static FrameCounts counts(FrameLog log) {
        int late = 0;
        int discarded = 0;
        int skipped = 0;
        int resets = 0;
        int shownTwice = 0;
        for (int row = 0; row < log.size(); row++) {
            byte f = log.flags(row);
            late += (f & FrameLog.FLAG_LATE) != 0 ? 1 : 0;
            discarded += (f & FrameLog.FLAG_DISCARDED) != 0 ? 1 : 0;
            skipped += (f & FrameLog.FLAG_SKIPPED) != 0 ? 1 : 0;
            resets += (f & FrameLog.FLAG_HISTORY_RESET) != 0 ? 1 : 0;
            shownTwice += row > 0 && shownTwice(log, row) ? 1 : 0;
        }
        return new FrameCounts(log.size(), late, discarded, skipped, shownTwice, resets);
    }

    /** Whether the interval ending at {@code row} (≥ 1) exceeds 1.5 predicted periods; false without a period. */
    public static boolean shownTwice(FrameLog log, int row) {
        float period = log.displayPeriodMicros(row);
        if (!(period > 0)) {
            return false;
        }
        double interval = (log.startNanos(row) - log.startNanos(row - 1)) / 1000.0;
        return interval > FrameCounts.SHOWN_TWICE_FACTOR * period;
    }

    private static double meanPeriod(FrameLog log) {
        double sum = 0;
        int count = 0;
        for (int row = 0; row < log.size(); row++) {
            float p = log.displayPeriodMicros(row);
            if (p > 0) {
                sum += p;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
