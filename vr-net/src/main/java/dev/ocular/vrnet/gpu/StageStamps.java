package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.TimestampQueries;

/**
 * The timestamps of one recorded frame: each {@link #mark} writes the next query once the compute work recorded so
 * far has finished, or does nothing when the caller gave no query pool (the frame loop times only some frames).
 */
final class StageStamps {
    private final TimestampQueries queries;
    private int next;

    /** @param queries the pool, or null for no timestamps; {@code first} is the first query to write */
    StageStamps(TimestampQueries queries, int first) {
        this.queries = queries;
        this.next = first;
    }

    void mark(CommandBuffer cb) {
        if (queries != null) {
            queries.write(cb, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, next);
        }
        next++;
    }
}
