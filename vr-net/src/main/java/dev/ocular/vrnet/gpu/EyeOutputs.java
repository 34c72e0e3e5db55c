package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;

/**
 * One eye's two output images (RGBA16F, STORAGE | SAMPLED, GENERAL layout), alternating as this frame's output and
 * the next frame's history. Made per eye, so changing one eye's output size keeps the other eye's history. Owns the
 * images and their views; closes them in reverse order of creation.
 */
final class EyeOutputs implements AutoCloseable {
    static final int FORMAT = VK_FORMAT_R16G16B16A16_SFLOAT;

    final int width;
    final int height;
    private final GpuImage[] images;
    private final ImageView[] views;
    /** Which image the latest frame wrote. */
    private int current;
    /** Whether the latest output may serve as history (false until one has been written). */
    private boolean written;
    private boolean closed;

    private EyeOutputs(int width, int height, GpuImage[] images, ImageView[] views) {
        this.width = width;
        this.height = height;
        this.images = images;
        this.views = views;
    }

    /** Allocates and records both images' move to GENERAL layout into {@code cb}. */
    static EyeOutputs create(GpuContext gpu, CommandBuffer cb, int width, int height) {
        GpuImage[] images = new GpuImage[2];
        ImageView[] views = new ImageView[2];
        try {
            for (int i = 0; i < 2; i++) {
                images[i] = gpu.image(ImageSpec.of(width, height, FORMAT,
                        VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT));
                views[i] = ImageView.of(gpu.device(), images[i]);
            }
        } catch (RuntimeException e) {
            for (int i = 1; i >= 0; i--) {
                if (views[i] != null) {
                    views[i].close();
                }
                if (images[i] != null) {
                    images[i].close();
                }
            }
            throw e;
        }
        for (GpuImage image : images) {
            cb.transition(image, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0,
                    VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
        }
        return new EyeOutputs(width, height, images, views);
    }

    /** Swaps roles for a new frame: the image written last becomes history. */
    void advance() {
        current ^= 1;
    }

    /** After a frame's work is recorded: its output is valid history from now on. */
    void markWritten() {
        written = true;
    }

    boolean historyValid() {
        return written;
    }

    GpuImage output() {
        return images[current];
    }

    ImageView outputView() {
        return views[current];
    }

    ImageView historyView() {
        return views[current ^ 1];
    }

    /** The image the next frame will write. */
    GpuImage next() {
        return images[current ^ 1];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (int i = 1; i >= 0; i--) {
                views[i].close();
                images[i].close();
            }
        }
    }
}
