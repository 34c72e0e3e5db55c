package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.vrnet.EyeParams;

/**
 * What the pack and fuse kernels bind for one eye in one frame. Mutable and reused every frame so recording allocates
 * nothing per eye; {@link GpuVrNet} fills it, tests may fill it directly.
 */
final class EyeSlot {
    /** Low-resolution inputs, viewed as 2-D arrays; {@code layer} selects this eye's layer. */
    ImageView colour;
    ImageView depth;
    ImageView motion;
    int layer;
    float jitterX;
    float jitterY;
    /** Low-resolution size. */
    int width;
    int height;
    /**
     * Low-resolution depth images in GENERAL layout: last frame's (read by pack; bound even when not valid) and this
     * frame's (written by pack), and whether the first holds last frame's depth at this size.
     */
    ImageView previousDepth;
    ImageView nextDepth;
    boolean depthValid;
    /**
     * Output-size images, all in GENERAL layout: last frame's history (read by pack and fuse; bound even when not
     * valid), this frame's output and this frame's history (written by fuse).
     */
    ImageView history;
    ImageView output;
    ImageView nextHistory;
    boolean historyValid;
    EyeParams params;

    /** Fills the low-resolution half from one eye's G-buffer and 2-D array views of its three images. */
    void input(EyeGBuffer g, ImageView colourView, ImageView depthView, ImageView motionView) {
        colour = colourView;
        depth = depthView;
        motion = motionView;
        layer = g.layer();
        jitterX = g.jitterX();
        jitterY = g.jitterY();
        width = g.width();
        height = g.height();
    }

    /** Fills the output-size half; history is used only when {@code valid} and {@code p} asks for no reset. */
    void outputs(EyeParams p, ImageView lastHistory, ImageView out, ImageView next, boolean valid) {
        params = p;
        history = lastHistory;
        output = out;
        nextHistory = next;
        historyValid = !p.reset() && valid;
    }
}
