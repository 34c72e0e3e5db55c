package dev.ocular.compositor.upscale;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.CommandBuffer;
import java.util.List;

/**
 * A GPU reconstruction method: low-resolution G-buffer in, full-resolution colour out, per eye. Implementations own
 * their kernels and any history and are used from the frame-loop thread only. {@link #record} receives every eye that
 * uses this method this frame, so batched methods (vr-net) run both eyes through one dispatch chain.
 */
public interface Upscaler extends AutoCloseable {
    Method method();

    /** GPU stage names this method reports through the {@link StageTimer}, in order. */
    List<String> stages();

    /** Records the reconstruction of {@code jobs}; outputs are written in GENERAL layout. */
    void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer);

    /**
     * After the frame's GPU work completed: stage times this method measured itself (methods that time with their own
     * query pools rather than the {@link StageTimer}) go into {@code log} row {@code row}.
     */
    default void collect(FrameLog log, int row) {
    }

    @Override
    void close();
}
