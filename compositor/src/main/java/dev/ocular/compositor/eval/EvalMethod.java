package dev.ocular.compositor.eval;

import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.util.List;

/**
 * One reconstruction method as the evaluation runs it: both eyes of a frame in, both outputs (linear RGBA at output
 * size) out, history kept per eye by temporal methods and dropped when {@code reset} is set. Not thread-safe.
 */
interface EvalMethod extends AutoCloseable {
    Method method();

    /** @param eyes left then right, low-resolution G-buffers of one frame */
    List<ImageData> frame(List<GBufferData> eyes, boolean reset);

    /** Whether outputs must be computed on warm-up frames too (temporal methods build history there). */
    default boolean temporal() {
        return method().temporal();
    }

    @Override
    default void close() {
    }
}
