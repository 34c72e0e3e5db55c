package dev.ocular.compositor.metrics;

import static org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuDevice;
import dev.ocular.gpu.TimestampQueries;
import java.util.Arrays;
import java.util.List;

/**
 * Timestamps around each eye's GPU stages within one frame's command buffer, read back into a {@link FrameLog} row
 * once the frame completed. Work that serves both eyes at once (a multiview scene pass) is timed as {@link #SHARED}
 * and credited half to each eye. Both timestamps wait for all earlier commands, so a stage's span covers exactly the work
 * recorded between its begin and end (ocular records stages back to back). One frame in flight at a time.
 */
public final class GpuStageTimer implements StageTimer, AutoCloseable {
    /** Eye 0, eye 1, and {@link #SHARED}. */
    private static final int SLOTS = 3;
    /** Pseudo-eye for work that serves both eyes at once; its time is split evenly between them. */
    public static final int SHARED = 2;

    private final List<String> stages;
    private final TimestampQueries queries;
    private final boolean[] written;

    public GpuStageTimer(GpuDevice device, List<String> stages) {
        this.stages = List.copyOf(stages);
        // Slots: per stage one for each eye and one for work both eyes share (a multiview pass).
        this.queries = TimestampQueries.create(device, 2 * SLOTS * stages.size());
        this.written = new boolean[SLOTS * stages.size()];
    }

    private int slot(int eye, String stage) {
        int s = stages.indexOf(stage);
        if (s < 0) {
            throw new IllegalArgumentException("stage '" + stage + "' is not in this run's stage list " + stages);
        }
        return eye * stages.size() + s;
    }

    /** Prepares for a new frame: resets the queries from the host. Call before recording. */
    public void startFrame() {
        queries.resetAll();
        Arrays.fill(written, false);
    }

    /** {@code eye} may be 0, 1 or {@link #SHARED}. */
    @Override
    public void begin(CommandBuffer cb, int eye, String stage) {
        queries.write(cb, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 2 * slot(eye, stage));
    }

    @Override
    public void end(CommandBuffer cb, int eye, String stage) {
        int slot = slot(eye, stage);
        queries.write(cb, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 2 * slot + 1);
        written[slot] = true;
    }

    /** After the frame's submission completed: stores each written stage's duration in {@code log} row {@code row}. */
    public void collect(FrameLog log, int row) {
        boolean any = false;
        for (boolean w : written) {
            any |= w;
        }
        if (!any) {
            return;
        }
        long[] nanos = queries.readAvailable();
        for (int s = 0; s < stages.size(); s++) {
            int column = log.stages().indexOf(stages.get(s));
            long[] perEye = new long[2];
            boolean[] measured = new boolean[2];
            for (int eye = 0; eye < SLOTS; eye++) {
                int slot = eye * stages.size() + s;
                if (!written[slot]) {
                    continue;
                }
                long duration = nanos[2 * slot + 1] - nanos[2 * slot];
                for (int target = 0; target < 2; target++) {
                    if (eye == target || eye == SHARED) {
                        perEye[target] += eye == SHARED ? duration / 2 : duration;
                        measured[target] = true;
                    }
                }
            }
            for (int eye = 0; eye < 2; eye++) {
                if (measured[eye]) {
                    log.gpu(row, eye, column, perEye[eye]);
                }
            }
        }
    }

    @Override
    public void close() {
        queries.close();
    }
}
