package dev.ocular.compositor.sink;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.gpu.CommandBuffer;
import java.util.List;
import java.util.Map;

/**
 * Where a free-running (non-OpenXR) run's frames go: GPU work after the pipeline (lens distortion for the panel) and
 * file output once a frame completed. Used from the frame-loop thread only.
 */
public interface FrameSink extends AutoCloseable {
    /** GPU stage names this sink reports. */
    default List<String> stages() {
        return List.of();
    }

    /** Records the sink's GPU work for the frame the pipeline just recorded. */
    default void record(CommandBuffer cb, StereoPipeline pipeline, LiveSettings.Snapshot settings, StageTimer timer) {
    }

    /** After the frame's GPU work completed: writes what the sink keeps of frame {@code frame}. */
    void frameDone(int frame, StereoPipeline pipeline);

    /** What the sink wrote, for run.json. Called after the last frame. */
    Map<String, Object> finish();

    @Override
    void close();
}
