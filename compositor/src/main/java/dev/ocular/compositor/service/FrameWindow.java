package dev.ocular.compositor.service;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.RunStats;
import dev.ocular.compositor.report.StereoEye;

/**
 * The most recent frames, oldest first, for the live chart. Arrays are parallel and owned by the record (made fresh
 * by {@link #tail}); NaN where a value was not measured.
 *
 * @param frame frame indices
 * @param intervalMs time since the previous frame's start, ms (NaN for a log's first frame)
 * @param leftGpuMs the left eye's GPU time (sum of its stages), ms
 * @param rightGpuMs the right eye's GPU time, ms
 */
public record FrameWindow(int[] frame, float[] intervalMs, float[] leftGpuMs, float[] rightGpuMs) {
    /** The most frames a window may hold (about 11 s at 90 Hz). */
    public static final int MAX_FRAMES = 1000;

    public FrameWindow {
        int n = frame.length;
        if (intervalMs.length != n || leftGpuMs.length != n || rightGpuMs.length != n) {
            throw new IllegalArgumentException("frame window columns differ in length");
        }
    }

    public int size() {
        return frame.length;
    }

    /** Copies the last {@code max} rows of a log; the caller holds whatever lock guards the log's appends. */
    public static FrameWindow tail(FrameLog log, int max) {
        int n = Math.min(Math.max(0, max), log.size());
        int first = log.size() - n;
        int[] frame = new int[n];
        float[] interval = new float[n];
        float[] left = new float[n];
        float[] right = new float[n];
        for (int i = 0; i < n; i++) {
            int row = first + i;
            frame[i] = log.frameIndex(row);
            interval[i] = row == 0 ? Float.NaN : (log.startNanos(row) - log.startNanos(row - 1)) / 1e6f;
            left[i] = RunStats.gpuTotalOrNaN(log, row, StereoEye.LEFT) / 1000f;
            right[i] = RunStats.gpuTotalOrNaN(log, row, StereoEye.RIGHT) / 1000f;
        }
        return new FrameWindow(frame, interval, left, right);
    }
}
