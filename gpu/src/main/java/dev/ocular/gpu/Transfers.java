package dev.ocular.gpu;

import java.nio.ByteBuffer;
import static org.lwjgl.vulkan.VK13.*;

/**
 * Synchronous staging copies between host memory and device buffers or images, for set-up, tests and tools. Each
 * call allocates a staging buffer, submits and waits; per-frame paths keep persistent staging buffers instead.
 */
public final class Transfers {
    private final GpuContext context;

    public Transfers(GpuContext context) {
        this.context = context;
    }

    /** Copies {@code data} (position to limit) into {@code dst} at {@code dstOffset}. */
    public void upload(ByteBuffer data, GpuBuffer dst, long dstOffset) {
        int size = data.remaining();
        try (GpuBuffer staging = context.buffer(size, 0, MemoryUse.UPLOAD)) {
            staging.mapped().put(data.duplicate());
            staging.flush();
            context.run(cb -> {
                cb.copyBuffer(staging, 0, dst, dstOffset, size);
                cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
            });
        }
    }

    /** Reads {@code size} bytes of {@code src} from {@code srcOffset} into a new heap buffer (native byte order). */
    public ByteBuffer download(GpuBuffer src, long srcOffset, int size) {
        try (GpuBuffer staging = context.buffer(size, 0, MemoryUse.READBACK)) {
            context.run(cb -> {
                cb.memoryBarrier(VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
                cb.copyBuffer(src, srcOffset, staging, 0, size);
                cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
            });
            staging.invalidate();
            ByteBuffer out = ByteBuffer.allocate(size).order(java.nio.ByteOrder.nativeOrder());
            out.put(staging.mapped()).flip();
            return out;
        }
    }

    public ByteBuffer download(GpuBuffer src) {
        return download(src, 0, Math.toIntExact(src.size()));
    }

    /** Uploads tightly packed texels of mip 0 (all layers) and leaves the image in {@code finalLayout}. */
    public void uploadImage(ByteBuffer texels, GpuImage dst, int finalLayout) {
        int size = texels.remaining();
        try (GpuBuffer staging = context.buffer(size, 0, MemoryUse.UPLOAD)) {
            staging.mapped().put(texels.duplicate());
            staging.flush();
            context.run(cb -> {
                cb.transition(dst, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                        VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_WRITE_BIT);
                cb.copyBufferToImage(staging, dst);
                cb.transition(dst, finalLayout, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
            });
        }
    }

    /** Downloads mip 0 (all layers) tightly packed; the image returns to the layout it had. */
    public ByteBuffer downloadImage(GpuImage src, int bytesPerTexel) {
        int size = Math.multiplyExact(Math.multiplyExact(src.width() * src.height(), src.spec().layers()),
                bytesPerTexel);
        int before = src.layout();
        try (GpuBuffer staging = context.buffer(size, 0, MemoryUse.READBACK)) {
            context.run(cb -> {
                cb.transition(src, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                        VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
                cb.copyImageToBuffer(src, staging);
                if (before != org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_UNDEFINED) {
                    cb.transition(src, before, VK_PIPELINE_STAGE_2_COPY_BIT, 0,
                            VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT
                                    | VK_ACCESS_2_MEMORY_WRITE_BIT);
                }
                cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
            });
            staging.invalidate();
            ByteBuffer out = ByteBuffer.allocate(size).order(java.nio.ByteOrder.nativeOrder());
            out.put(staging.mapped()).flip();
            return out;
        }
    }
}
