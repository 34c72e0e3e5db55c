package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;

/**
 * The two low-resolution activation buffers the layers ping-pong between, for one {@link ActivationLayout}. Zeroed
 * once when made; since every tensor uses the layout's stride and kernels write only interiors, the borders stay zero.
 * Owns both buffers.
 */
final class ActivationBuffers implements AutoCloseable {
    final ActivationLayout layout;
    private final GpuBuffer[] buffers;
    private boolean closed;

    private ActivationBuffers(ActivationLayout layout, GpuBuffer[] buffers) {
        this.layout = layout;
        this.buffers = buffers;
    }

    /** Allocates and records the zero fill, ordered before later compute work, into {@code cb}. */
    static ActivationBuffers create(GpuContext gpu, CommandBuffer cb, ActivationLayout layout) {
        GpuBuffer first = gpu.buffer(layout.bytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
        GpuBuffer second;
        try {
            second = gpu.buffer(layout.bytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        cb.fillBuffer(first, 0);
        cb.fillBuffer(second, 0);
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
        return new ActivationBuffers(layout, new GpuBuffer[] {first, second});
    }

    /** Buffer 0 or 1: stage i reads {@code get(i % 2)} and writes {@code get((i + 1) % 2)}. */
    GpuBuffer get(int index) {
        return buffers[index];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            buffers[1].close();
            buffers[0].close();
        }
    }
}
