package dev.ocular.compositor.upscale;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageViewCache;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.shader.ShaderSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkImageCopy;

/**
 * The per-eye sharpening a tester sets (0 = off): the bounded contrast-adaptive sharpen of the SPATIAL baseline
 * ({@code spatial_sharpen.comp}) applied to any method's output, in place (the output is copied aside, then sharpened
 * back into it). CPU twin: {@link SpatialReference#sharpen} with {@link #settings(float)}; tolerance as
 * {@link SpatialUpscaler#MAX_ABS} / {@link SpatialUpscaler#NMSE}.
 */
public final class SharpenStage implements AutoCloseable {
    public static final String STAGE = "sharpen";
    /** Overshoot allowed beyond the local range, as the SPATIAL baseline's default. */
    public static final float OVERSHOOT = SpatialSettings.defaults().overshoot();
    private static final int PUSH_BYTES = 16;
    private static final int GROUP = 8;

    private final GpuContext gpu;
    private final ComputeKernel kernel;
    private final ImageViewCache views;
    private final Map<Integer, GpuImage> copies = new HashMap<>();
    private final List<GpuImage> retired = new ArrayList<>();
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());

    private SharpenStage(GpuContext gpu, ComputeKernel kernel) {
        this.gpu = gpu;
        this.kernel = kernel;
        this.views = new ImageViewCache(gpu.device());
    }

    public static SharpenStage create(GpuContext gpu) {
        return new SharpenStage(gpu, ComputeKernel.create(gpu, new ComputeKernel.Spec(
                ShaderSource.of(SpatialUpscaler.SHARPEN_SHADER),
                List.of(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE), PUSH_BYTES,
                SpecConstants.none(), false)));
    }

    /** The CPU twin's settings for a strength: only the sharpen pass's fields matter. */
    public static SpatialSettings settings(float sharpness) {
        return new SpatialSettings(0f, sharpness, OVERSHOOT);
    }

    /** Sharpens {@code output} (RGBA16F, GENERAL, compute writes done) in place; leaves it in GENERAL. */
    public void record(CommandBuffer cb, int eye, GpuImage output, float sharpness, StageTimer timer) {
        timer.begin(cb, eye, STAGE);
        GpuImage copy = copyFor(cb, eye, output);
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkImageCopy.Buffer region = VkImageCopy.calloc(1, stack);
            region.get(0).srcSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1))
                    .dstSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1))
                    .extent(e -> e.set(output.width(), output.height(), 1));
            vkCmdCopyImage(cb.handle(), output.handle(), VK_IMAGE_LAYOUT_GENERAL, copy.handle(),
                    VK_IMAGE_LAYOUT_GENERAL, region);
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT | VK_ACCESS_2_TRANSFER_READ_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
        push.clear();
        push.putInt(output.width()).putInt(output.height()).putFloat(sharpness).putFloat(OVERSHOOT).flip();
        kernel.dispatch(cb, Bindings.create().storageImage(0, views.single(copy))
                        .storageImage(1, views.single(output)), push,
                ComputeKernel.groups(output.width(), GROUP), ComputeKernel.groups(output.height(), GROUP), 1);
        timer.end(cb, eye, STAGE);
    }

    private GpuImage copyFor(CommandBuffer cb, int eye, GpuImage output) {
        GpuImage copy = copies.get(eye);
        if (copy != null && copy.width() == output.width() && copy.height() == output.height()) {
            return copy;
        }
        if (copy != null) {
            retired.add(copy); // a frame in flight may still read it; freed at close
        }
        copy = gpu.image(ImageSpec.of(output.width(), output.height(), VK_FORMAT_R16G16B16A16_SFLOAT,
                VK_IMAGE_USAGE_STORAGE_BIT));
        copies.put(eye, copy);
        cb.transition(copy, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0, VK_PIPELINE_STAGE_2_COPY_BIT,
                VK_ACCESS_2_TRANSFER_WRITE_BIT);
        return copy;
    }

    @Override
    public void close() {
        views.close();
        copies.values().forEach(GpuImage::close);
        copies.clear();
        retired.forEach(GpuImage::close);
        retired.clear();
        kernel.close();
    }
}
