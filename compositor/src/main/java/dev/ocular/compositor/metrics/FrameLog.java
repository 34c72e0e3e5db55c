package dev.ocular.compositor.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Compact per-frame measurements of one run, column-wise in primitive arrays so an hour at 90 Hz stays small.
 * Per frame: frame index (4 bytes), predicted display time (8), predicted display period (4, µs), start time (8, ns
 * since run start), flags (1), {@link CpuPhase} durations (5 × 4, µs as float), and per eye and GPU stage a duration
 * (2 × stages × 4, µs as float). With the 8 stages of a vr-net run that is 4+8+4+8+1+20+64 = {@value #BASE_BYTES} + 64
 * = 109 bytes per frame: 324,000 frames (an hour at 90 Hz) take 35 MB. Not thread-safe: the frame loop appends, readers
 * take it after the run or under the owner's lock.
 */
public final class FrameLog {
    /** Bytes per frame before the per-eye GPU stage columns. */
    public static final int BASE_BYTES = 45;
    public static final byte FLAG_LATE = 1;
    public static final byte FLAG_DISCARDED = 2;
    /** The runtime asked not to render this frame (shouldRender false); nothing was submitted. */
    public static final byte FLAG_SKIPPED = 4;
    /** History was reset this frame (cut, preset or method change). */
    public static final byte FLAG_HISTORY_RESET = 8;

    private final List<String> stages;
    private int size;
    private int[] frameIndex = new int[1024];
    private long[] displayTime = new long[1024];
    private float[] displayPeriodMicros = new float[1024];
    private long[] startNanos = new long[1024];
    private byte[] flags = new byte[1024];
    private float[][] cpuMicros = new float[CpuPhase.values().length][1024];
    private float[][][] gpuMicros;

    /** @param stages GPU stage names in pipeline order, e.g. scene, vrnet.pack, vrnet.conv0, …, distortion, compose */
    public FrameLog(List<String> stages) {
        this.stages = List.copyOf(stages);
        this.gpuMicros = new float[2][stages.size()][1024];
    }

    public List<String> stages() {
        return stages;
    }

    public int size() {
        return size;
    }

    public int bytesPerFrame() {
        return BASE_BYTES + 2 * stages.size() * Float.BYTES;
    }

    /** Appends a frame; the caller then fills its timings with the setters (index = the returned row). */
    public int append(int frame, long predictedDisplayTime, long predictedPeriodNanos, long startNanosSinceRun,
            byte frameFlags) {
        if (size == frameIndex.length) {
            grow();
        }
        int row = size++;
        frameIndex[row] = frame;
        displayTime[row] = predictedDisplayTime;
        displayPeriodMicros[row] = predictedPeriodNanos / 1000f;
        startNanos[row] = startNanosSinceRun;
        flags[row] = frameFlags;
        for (float[] c : cpuMicros) {
            c[row] = Float.NaN;
        }
        for (float[][] eye : gpuMicros) {
            for (float[] stage : eye) {
                stage[row] = Float.NaN;
            }
        }
        return row;
    }

    private void grow() {
        int n = frameIndex.length * 2;
        frameIndex = Arrays.copyOf(frameIndex, n);
        displayTime = Arrays.copyOf(displayTime, n);
        displayPeriodMicros = Arrays.copyOf(displayPeriodMicros, n);
        startNanos = Arrays.copyOf(startNanos, n);
        flags = Arrays.copyOf(flags, n);
        for (int i = 0; i < cpuMicros.length; i++) {
            cpuMicros[i] = Arrays.copyOf(cpuMicros[i], n);
        }
        for (float[][] eye : gpuMicros) {
            for (int s = 0; s < eye.length; s++) {
                eye[s] = Arrays.copyOf(eye[s], n);
            }
        }
    }

    public void cpu(int row, CpuPhase phase, long nanos) {
        cpuMicros[phase.ordinal()][row] = nanos / 1000f;
    }

    public void gpu(int row, int eye, int stage, long nanos) {
        gpuMicros[eye][stage][row] = nanos / 1000f;
    }

    public void addFlags(int row, byte more) {
        flags[row] |= more;
    }

    public int frameIndex(int row) {
        return frameIndex[row];
    }

    public long displayTime(int row) {
        return displayTime[row];
    }

    public float displayPeriodMicros(int row) {
        return displayPeriodMicros[row];
    }

    public long startNanos(int row) {
        return startNanos[row];
    }

    public byte flags(int row) {
        return flags[row];
    }

    /** µs, NaN when not measured. */
    public float cpuMicros(int row, CpuPhase phase) {
        return cpuMicros[phase.ordinal()][row];
    }

    /** µs, NaN when the stage did not run for this eye in this frame. */
    public float gpuMicros(int row, int eye, int stage) {
        return gpuMicros[eye][stage][row];
    }

    /** A new log holding copies of rows [from, to) (a profiling window cut out of a longer run). */
    public FrameLog slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + size);
        }
        FrameLog out = new FrameLog(stages);
        for (int r = from; r < to; r++) {
            int row = out.append(frameIndex[r], displayTime[r], (long) (displayPeriodMicros[r] * 1000),
                    startNanos[r] - startNanos[from], flags[r]);
            for (int c = 0; c < cpuMicros.length; c++) {
                out.cpuMicros[c][row] = cpuMicros[c][r];
            }
            for (int eye = 0; eye < 2; eye++) {
                for (int s = 0; s < stages.size(); s++) {
                    out.gpuMicros[eye][s][row] = gpuMicros[eye][s][r];
                }
            }
        }
        return out;
    }

    /** Sum of the eye's measured GPU stages, µs. */
    public float gpuTotalMicros(int row, int eye) {
        float total = 0;
        for (int s = 0; s < stages.size(); s++) {
            float v = gpuMicros[eye][s][row];
            if (!Float.isNaN(v)) {
                total += v;
            }
        }
        return total;
    }
}
