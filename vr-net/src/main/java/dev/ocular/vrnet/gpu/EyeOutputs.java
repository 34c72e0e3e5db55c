package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;

/**
 * One eye's images at output size, all RGBA16F, STORAGE | SAMPLED, GENERAL layout: the output (linear RGB, A =
 * coverage), rewritten every frame, and two history images (RGB, A = accumulated weight in samples) that alternate —
 * each frame reads the one the previous frame wrote and writes the other (reference/FuseOp.Fused#history). Made per
 * eye, so changing one eye's output size keeps the other eye's history. Owns the images and their views; closes them
 * in reverse order of creation.
 */
final class EyeOutputs implements AutoCloseable {
    static final int FORMAT = VK_FORMAT_R16G16B16A16_SFLOAT;
    private static final int OUTPUT = 0;

    final int width;
    final int height;
    /** [0] the output, [1] and [2] the history pair. */
    private final GpuImage[] images;
    private final ImageView[] views;
    /** Which of images 1 and 2 the latest frame wrote as history (so the next frame reads it). */
    private int latest = 1;
    /** Whether {@link #latest} holds history at all (false until a frame has been recorded). */
    private boolean written;
    private boolean closed;

    private EyeOutputs(int width, int height, GpuImage[] images, ImageView[] views) {
        this.width = width;
        this.height = height;
        this.images = images;
        this.views = views;
    }

    /** Allocates and records the three images' move to GENERAL layout into {@code cb}. */
    static EyeOutputs create(GpuContext gpu, CommandBuffer cb, int width, int height) {
        GpuImage[] images = new GpuImage[3];
        ImageView[] views = new ImageView[3];
        try {
            for (int i = 0; i < 3; i++) {
                images[i] = gpu.image(ImageSpec.of(width, height, FORMAT,
                        VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT));
                views[i] = ImageView.of(gpu.device(), images[i]);
            }
        } catch (RuntimeException e) {
            closeAll(images, views);
            throw e;
        }
        for (GpuImage image : images) {
            cb.transition(image, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0,
                    VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
        }
        return new EyeOutputs(width, height, images, views);
    }

    /** After a frame's work is recorded: the history it wrote is what the next frame reads. */
    void markWritten() {
        latest = 3 - latest;
        written = true;
    }

    /** Whether {@link #historyView()} holds history a frame wrote (the reset rule is the caller's). */
    boolean historyValid() {
        return written;
    }

    GpuImage output() {
        return images[OUTPUT];
    }

    ImageView outputView() {
        return views[OUTPUT];
    }

    /** The history the latest recorded frame wrote: what the next frame reads. */
    GpuImage history() {
        return images[latest];
    }

    ImageView historyView() {
        return views[latest];
    }

    /** The history image the next frame writes. */
    GpuImage nextHistory() {
        return images[3 - latest];
    }

    ImageView nextHistoryView() {
        return views[3 - latest];
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
