package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;

/**
 * The activation buffers of one {@link ActivationLayout}: two the feature layers ping-pong between, or three for the
 * refine stage (its input stays put for the apply step while the layers ping-pong between the other two). Zeroed once
 * when made; since every tensor uses the layout's stride and kernels write only interiors, the borders stay zero.
 * Owns the buffers.
 */
final class ActivationBuffers implements AutoCloseable {
    final ActivationLayout layout;
    private final GpuBuffer[] buffers;
    private boolean closed;

    private ActivationBuffers(ActivationLayout layout, GpuBuffer[] buffers) {
        this.layout = layout;
        this.buffers = buffers;
    }

    /** Two buffers, the feature layers' ping-pong pair. */
    static ActivationBuffers create(GpuContext gpu, CommandBuffer cb, ActivationLayout layout) {
        return create(gpu, cb, layout, 2);
    }

    /** Allocates {@code count} buffers and records their zero fill, ordered before later compute work, into {@code cb}. */
    static ActivationBuffers create(GpuContext gpu, CommandBuffer cb, ActivationLayout layout, int count) {
        GpuBuffer[] buffers = new GpuBuffer[count];
        try {
            for (int i = 0; i < count; i++) {
                buffers[i] = gpu.buffer(layout.bytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
            }
        } catch (RuntimeException e) {
            for (int i = count - 1; i >= 0; i--) {
                if (buffers[i] != null) {
                    buffers[i].close();
                }
            }
            throw e;
        }
        for (GpuBuffer b : buffers) {
            cb.fillBuffer(b, 0);
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
        return new ActivationBuffers(layout, buffers);
    }

    /** Buffer {@code index}: in a pair, stage i reads {@code get(i % 2)} and writes {@code get((i + 1) % 2)}. */
    GpuBuffer get(int index) {
        return buffers[index];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (int i = buffers.length - 1; i >= 0; i--) {
                buffers[i].close();
            }
        }
    }
}
