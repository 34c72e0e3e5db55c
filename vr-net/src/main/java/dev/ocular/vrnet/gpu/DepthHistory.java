package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.vrnet.VrNetRunner;
import java.util.List;

/**
 * Each eye's last low-resolution depth, for the pack op's disocclusion input: a {@link HistoryPair} of R32F images
 * at the eye's input size, which pack writes every frame (whatever the spec) and reads the next. An eye whose input
 * size changes gets a new pair, so its first frame at the new size has no previous depth (reference/PackOp reads a
 * previous depth only at the current size); the other eye keeps its own. Owns the pairs; closes them in reverse eye
 * order. Not thread-safe.
 */
final class DepthHistory implements AutoCloseable {
    private final HistoryPair[] pairs = new HistoryPair[VrNetRunner.MAX_EYES];
    private boolean closed;

    /**
     * Makes each present eye's pair fit its input size and drops the pairs of absent eyes; image moves to GENERAL are
     * recorded into {@code cb}. The caller has waited for the device to go idle if a pair may be in use.
     */
    void fit(GpuContext gpu, CommandBuffer cb, List<EyeGBuffer> eyes) {
        for (int e = 0; e < pairs.length; e++) {
            if (fits(e, eyes)) {
                continue;
            }
            if (pairs[e] != null) {
                pairs[e].close();
                pairs[e] = null;
            }
            if (e < eyes.size()) {
                pairs[e] = HistoryPair.create(gpu, cb, eyes.get(e).width(), eyes.get(e).height(),
                        HistoryPair.DEPTH_FORMAT);
            }
        }
    }

    /** Whether every present eye's pair has its input size (so {@link #fit} would change nothing). */
    boolean fits(List<EyeGBuffer> eyes) {
        for (int e = 0; e < pairs.length; e++) {
            if (!fits(e, eyes)) {
                return false;
            }
        }
        return true;
    }

    /** Eye {@code e}'s pair has its input size, or the eye is absent and has none. */
    private boolean fits(int e, List<EyeGBuffer> eyes) {
        HistoryPair pair = pairs[e];
        return e < eyes.size()
                ? pair != null && pair.width == eyes.get(e).width() && pair.height == eyes.get(e).height()
                : pair == null;
    }

    /** Points {@code slot} at eye {@code e}'s previous depth (read) and the image this frame writes. */
    void fill(EyeSlot slot, int e) {
        HistoryPair pair = pairs[e];
        slot.previousDepth = pair.readView();
        slot.nextDepth = pair.writeView();
        slot.depthValid = pair.valid();
    }

    /** After a frame with {@code eyes} eyes is recorded: the depth it wrote is what the next frame reads. */
    void markWritten(int eyes) {
        for (int e = 0; e < eyes; e++) {
            pairs[e].markWritten();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (int e = pairs.length - 1; e >= 0; e--) {
                if (pairs[e] != null) {
                    pairs[e].close();
                }
            }
        }
    }
}
