package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;

/**
 * One eye's images at output size, all RGBA16F, STORAGE | SAMPLED, GENERAL layout: the output (linear RGB, A =
 * coverage), rewritten every frame, and the {@link HistoryPair}. Made per eye, so changing one eye's output size keeps
 * the other eye's history. Owns the output image, its view and the pair; closes them in reverse order of creation.
 */
final class EyeOutputs implements AutoCloseable {
    static final int FORMAT = HistoryPair.FORMAT;

    final int width;
    final int height;
    private final GpuImage output;
    private final ImageView outputView;
    private final HistoryPair history;
    private boolean closed;

    private EyeOutputs(int width, int height, GpuImage output, ImageView outputView, HistoryPair history) {
        this.width = width;
        this.height = height;
        this.output = output;
        this.outputView = outputView;
        this.history = history;
    }

    /** Allocates and records the three images' move to GENERAL layout into {@code cb}. */
    static EyeOutputs create(GpuContext gpu, CommandBuffer cb, int width, int height) {
        GpuImage output = HistoryPair.imageInGeneral(gpu, cb, width, height);
        ImageView view = null;
        try {
            view = ImageView.of(gpu.device(), output);
            return new EyeOutputs(width, height, output, view, HistoryPair.create(gpu, cb, width, height));
        } catch (RuntimeException e) {
            if (view != null) {
                view.close();
            }
            output.close();
            throw e;
        }
    }

    /** After a frame's work is recorded: the history it wrote is what the next frame reads. */
    void markWritten() {
        history.markWritten();
    }

    /** Whether {@link #historyView()} holds history a frame wrote (the reset rule is the caller's). */
    boolean historyValid() {
        return history.valid();
    }

    GpuImage output() {
        return output;
    }

    ImageView outputView() {
        return outputView;
    }

    /** The history the latest recorded frame wrote: what the next frame reads. */
    GpuImage history() {
        return history.read();
    }

    ImageView historyView() {
        return history.readView();
    }

    /** The history image the next frame writes. */
    GpuImage nextHistory() {
        return history.write();
    }

    ImageView nextHistoryView() {
        return history.writeView();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            history.close();
            outputView.close();
            output.close();
        }
    }
}
