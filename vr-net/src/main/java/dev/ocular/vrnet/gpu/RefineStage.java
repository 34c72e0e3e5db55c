package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.ImageView;
import java.util.List;

/**
 * The refine stage of a spec-version-3 net on the GPU (vr-net/README.md §3b): its convolution layers, the apply kernel
 * that adds their residual to the eyes' outputs, and three activation buffers laid out at the output sizes — the
 * input the fuse kernel writes (kept for the apply step, which reads the fused colour from it) and a ping-pong pair
 * for the layers. Owns the layers and the apply kernel handed to it and the buffers; closes them in reverse order.
 */
final class RefineStage implements AutoCloseable {
    private final GpuContext gpu;
    private final List<ConvStage> layers;
    private final RefineApplyKernel apply;
    private final int stride;
    private ActivationBuffers buffers;
    private boolean closed;

    RefineStage(GpuContext gpu, List<ConvStage> layers, RefineApplyKernel apply) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a refine stage needs at least one layer");
        }
        this.gpu = gpu;
        this.layers = List.copyOf(layers);
        this.apply = apply;
        int widest = 0;
        for (ConvStage c : layers) {
            widest = Math.max(widest, Math.max(c.inputChannels(), c.outputChannels()));
        }
        this.stride = widest;
    }

    /** Channels per pixel the buffers' layout must hold (the widest tensor of the stage). */
    int stride() {
        return stride;
    }

    /** Channels the fuse kernel writes into {@link #input()}. */
    int inputChannels() {
        return layers.get(0).inputChannels();
    }

    /** Appends this stage's timestamped stage names: each layer's, then the apply step's. */
    void addStageNames(List<String> names, String applyName) {
        layers.forEach(c -> names.add(c.layer().name()));
        names.add(applyName);
    }

    boolean allocated() {
        return buffers != null;
    }

    /** Replaces the buffers with zeroed ones of {@code layout} (the eyes' output sizes); the caller waited for idle. */
    void reallocate(CommandBuffer cb, ActivationLayout layout) {
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
        buffers = ActivationBuffers.create(gpu, cb, layout, 3);
    }

    ActivationLayout layout() {
        return buffers.layout;
    }

    /** Where the fuse kernel writes the stage's input. */
    GpuBuffer input() {
        return buffers.get(0);
    }

    /**
     * Records the layers (after the fuse kernel's writes) and the apply step into {@code outputs}, one timestamp
     * after each; the input (buffer 0) stays for the apply step while the layers ping-pong between buffers 1 and 2.
     */
    void record(CommandBuffer cb, ImageView[] outputs, StageStamps stamps) {
        ActivationLayout out = buffers.layout;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).record(cb, buffers.get(i == 0 ? 0 : 2 - i % 2), buffers.get(1 + i % 2), out);
            cb.computeToCompute();
            stamps.mark(cb);
        }
        apply.record(cb, buffers.get(0), buffers.get(2 - layers.size() % 2), out, outputs);
        stamps.mark(cb);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (buffers != null) {
            buffers.close();
        }
        apply.close();
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).close();
        }
    }
}
