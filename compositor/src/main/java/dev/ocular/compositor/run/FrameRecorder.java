package dev.ocular.compositor.run;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.GpuStageTimer;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.scenes.rig.StereoFrame;

/**
 * The per-frame bookkeeping every sink shares: a row in the frame log, the GPU stage timer around the pipeline, and
 * counters of what was submitted. Single-threaded (the frame loop).
 */
final class FrameRecorder {
    // Mutations of the log happen under its monitor, so readers on other threads (the tuning service) can take
    // consistent views while the loop runs.
    private final StereoPipeline pipeline;
    private final GpuStageTimer timer;
    private final FrameLog log;
    private final LiveSettings settings;
    private final long runStart = System.nanoTime();
    private int frames;
    private int late;
    private int discarded;
    private int historyResets;
    private StereoPipeline.Frame last;

    FrameRecorder(StereoPipeline pipeline, GpuStageTimer timer, FrameLog log, LiveSettings settings) {
        this.pipeline = pipeline;
        this.timer = timer;
        this.log = log;
        this.settings = settings;
    }

    /** Opens the log row for a frame about to be recorded. */
    int open(long predictedDisplayTime, long predictedPeriodNanos) {
        timer.startFrame();
        synchronized (log) {
            return log.append(frames, predictedDisplayTime, predictedPeriodNanos, System.nanoTime() - runStart,
                    (byte) 0);
        }
    }

    /** Records the scene and both eyes' reconstruction for {@code frame} into {@code cb}. */
    StereoPipeline.Frame record(CommandBuffer cb, StereoFrame frame, int row) {
        StereoPipeline.Frame done = pipeline.record(cb, frame, settings.get(), timer);
        synchronized (log) {
            if (done.reset()[0] || done.reset()[1]) {
                log.addFlags(row, FrameLog.FLAG_HISTORY_RESET);
                historyResets++;
            }
        }
        last = done;
        return done;
    }

    /** Closes the row once the GPU finished: GPU stage times, CPU phases, late/discarded flags. */
    void close(int row, long[] phaseNanos, long budgetNanos, boolean wasDiscarded) {
        synchronized (log) {
            timer.collect(log, row);
            pipeline.collect(log, row);
            CpuPhase[] phases = CpuPhase.values();
            long busy = 0;
            for (int i = 0; i < phases.length; i++) {
                log.cpu(row, phases[i], phaseNanos[i]);
                if (phases[i] != CpuPhase.WAIT) {
                    busy += phaseNanos[i];
                }
            }
            // A frame is late when the work after xrWaitFrame returned took longer than one display period: the
            // runtime then shows the previous frame again (SteamVR counts this as a reprojected/missed frame).
            if (budgetNanos > 0 && busy > budgetNanos) {
                log.addFlags(row, FrameLog.FLAG_LATE);
                late++;
            }
            if (wasDiscarded) {
                log.addFlags(row, FrameLog.FLAG_DISCARDED);
                discarded++;
            }
            frames++;
        }
    }

    int frames() {
        return frames;
    }

    int late() {
        return late;
    }

    int discarded() {
        return discarded;
    }

    int historyResets() {
        return historyResets;
    }

    StereoPipeline.Frame last() {
        return last;
    }

    FrameLog log() {
        return log;
    }

    GpuStageTimer timer() {
        return timer;
    }
}
