package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.vrnet.model.LayerSpec;

/**
 * One convolution layer on the GPU, holding its own weights: reads a bordered activation buffer and writes the
 * interior of another with the same {@link ActivationLayout} (never the borders, which stay zero). Implemented by
 * {@link ScalarConv} and {@link CoopMatConv}; the CPU twin is reference/ConvOp.
 */
interface ConvStage extends AutoCloseable {
    LayerSpec layer();

    /** Padded input channels the layer reads. */
    int inputChannels();

    /** Padded output channels the layer writes (real ones first, the rest zero). */
    int outputChannels();

    /** Records the dispatch for every eye of {@code layout}; the caller orders it against earlier writes. */
    void record(CommandBuffer cb, GpuBuffer src, GpuBuffer dst, ActivationLayout layout);

    @Override
    void close();
}
