package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;

/**
 * One eye's history: two images, STORAGE | SAMPLED, in GENERAL layout, that alternate — each frame reads the one the
 * previous frame wrote and writes the other. The fuse history is RGBA16F at output size (RGB linear colour, A
 * accumulated weight in samples; reference/FuseOp.Fused#history); the pack op's depth history R32F at the
 * low-resolution size ({@link #DEPTH_FORMAT}). Owns the images and their views; closes them in reverse order of
 * creation.
 */
final class HistoryPair implements AutoCloseable {
    static final int FORMAT = VK_FORMAT_R16G16B16A16_SFLOAT;
    /** Last frame's depth as the pack op reads it: fp32, as the G-buffer's D32 holds it. */
    static final int DEPTH_FORMAT = VK_FORMAT_R32_SFLOAT;

    final int width;
    final int height;
    private final GpuImage[] images;
    private final ImageView[] views;
    /** Which image the latest frame wrote (so the next frame reads it). */
    private int latest;
    /** Whether {@link #latest} holds history at all (false until a frame has been recorded). */
    private boolean written;
    private boolean closed;

    private HistoryPair(int width, int height, GpuImage[] images, ImageView[] views) {
        this.width = width;
        this.height = height;
        this.images = images;
        this.views = views;
    }

    /** A fuse history ({@link #FORMAT}); allocates and records the images' move to GENERAL layout into {@code cb}. */
    static HistoryPair create(GpuContext gpu, CommandBuffer cb, int width, int height) {
        return create(gpu, cb, width, height, FORMAT);
    }

    /** A pair of {@code format} images; allocates and records their move to GENERAL layout into {@code cb}. */
    static HistoryPair create(GpuContext gpu, CommandBuffer cb, int width, int height, int format) {
        GpuImage[] images = new GpuImage[2];
        ImageView[] views = new ImageView[2];
        try {
            for (int i = 0; i < 2; i++) {
                images[i] = imageInGeneral(gpu, cb, width, height, format);
                views[i] = ImageView.of(gpu.device(), images[i]);
            }
        } catch (RuntimeException e) {
            closeAll(images, views);
            throw e;
        }
        return new HistoryPair(width, height, images, views);
    }

    /** An output-size RGBA16F STORAGE | SAMPLED image, its move to GENERAL recorded into {@code cb}. */
    static GpuImage imageInGeneral(GpuContext gpu, CommandBuffer cb, int width, int height) {
        return imageInGeneral(gpu, cb, width, height, FORMAT);
    }

    private static GpuImage imageInGeneral(GpuContext gpu, CommandBuffer cb, int width, int height, int format) {
        GpuImage image = gpu.image(ImageSpec.of(width, height, format,
                VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT));
        cb.transition(image, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
        return image;
    }

    /** After a frame's work is recorded: the history it wrote is what the next frame reads. */
    void markWritten() {
        latest = 1 - latest;
        written = true;
    }

    /** Whether {@link #readView()} holds history a frame wrote (the reset rule is the caller's). */
    boolean valid() {
        return written;
    }

    /** The history the latest recorded frame wrote: what the next frame reads. */
    GpuImage read() {
        return images[latest];
    }

    ImageView readView() {
        return views[latest];
    }

    /** The history image the next frame writes. */
    GpuImage write() {
        return images[1 - latest];
    }

    ImageView writeView() {
        return views[1 - latest];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeAll(images, views);
        }
    }

    private static void closeAll(GpuImage[] images, ImageView[] views) {
        for (int i = images.length - 1; i >= 0; i--) {
            if (views[i] != null) {
                views[i].close();
            }
            if (images[i] != null) {
                images[i].close();
            }
        }
    }
}
