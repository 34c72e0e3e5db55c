package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;

/**
 * The render targets of one pass: colour (RGBA16F), depth (D32, reverse-Z), motion (RG16F), with {@code layers}
 * array layers (2 for multiview, one per eye). Owns images and views; closes views before images.
 */
final class EyeTargets implements AutoCloseable {
    private final int width;
    private final int height;
    private final int layers;
    private final GpuImage colour;
    private final GpuImage depth;
    private final GpuImage motion;
    private final ImageView colourView;
    private final ImageView depthView;
    private final ImageView motionView;

    private EyeTargets(int width, int height, int layers, GpuImage colour, GpuImage depth, GpuImage motion,
            ImageView colourView, ImageView depthView, ImageView motionView) {
        this.width = width;
        this.height = height;
        this.layers = layers;
        this.colour = colour;
        this.depth = depth;
        this.motion = motion;
        this.colourView = colourView;
        this.depthView = depthView;
        this.motionView = motionView;
    }

    static EyeTargets create(GpuContext gpu, int width, int height, int layers) {
        int sampled = VK_IMAGE_USAGE_SAMPLED_BIT;
        GpuImage colour = null;
        GpuImage depth = null;
        GpuImage motion = null;
        ImageView cv = null;
        ImageView dv = null;
        try {
            colour = gpu.image(new ImageSpec(width, height, layers, 1, ScenePipelines.COLOUR_FORMAT,
                    VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | sampled));
            depth = gpu.image(new ImageSpec(width, height, layers, 1, ScenePipelines.DEPTH_FORMAT,
                    VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | sampled));
            motion = gpu.image(new ImageSpec(width, height, layers, 1, ScenePipelines.MOTION_FORMAT,
                    VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | sampled));
            boolean array = layers > 1;
            cv = ImageView.of(gpu.device(), colour, 0, layers, array);
            dv = ImageView.of(gpu.device(), depth, 0, layers, array);
            ImageView mv = ImageView.of(gpu.device(), motion, 0, layers, array);
            return new EyeTargets(width, height, layers, colour, depth, motion, cv, dv, mv);
        } catch (RuntimeException e) {
            throw Acquired.failed(e, dv, cv, motion, depth, colour);
        }
    }

    boolean fits(int w, int h, int l) {
        return width == w && height == h && layers == l;
    }

    /** Moves all three images into attachment layouts; earlier readers (any stage) finish first. */
    void beginWriting(CommandBuffer cb) {
        long attachment = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT;
        long access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT;
        cb.transition(colour, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
                attachment, access);
        cb.transition(motion, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
                attachment, access);
        cb.transition(depth, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
                VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT);
    }

    /** Leaves all three in SHADER_READ_ONLY_OPTIMAL for fragment/compute sampling (the EyeGBuffer contract). */
    void finishWriting(CommandBuffer cb) {
        long readers = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT;
        long read = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT;
        cb.transition(colour, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, readers, read);
        cb.transition(motion, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, readers, read);
        cb.transition(depth, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, readers, read);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int layers() {
        return layers;
    }

    GpuImage colour() {
        return colour;
    }

    GpuImage depth() {
        return depth;
    }

    GpuImage motion() {
        return motion;
    }

    ImageView colourView() {
        return colourView;
    }

    ImageView depthView() {
        return depthView;
    }

    ImageView motionView() {
        return motionView;
    }

    @Override
    public void close() {
        motionView.close();
        depthView.close();
        colourView.close();
        motion.close();
        depth.close();
        colour.close();
    }
}
