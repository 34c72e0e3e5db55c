package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.EyePose;
import dev.ocular.scenes.rig.Projection;
import dev.ocular.scenes.rig.StereoFrame;
import java.nio.ByteBuffer;
import java.util.List;
import org.joml.Matrix4f;

/**
 * k×k supersampled native references, tiled: the supersampled image is rendered in tiles of at most
 * {@value #MAX_TILE_TEXELS}² texels (each with a cropped projection, {@link Projection#tile}) and each tile is
 * box-filtered into its place in the output on the GPU. Memory stays bounded for any output size, e.g. a 2064×2208 eye
 * at 4×4 (8256×8832 samples). No jitter and LOD bias 0: the supersampled render already has the detail of its own
 * resolution. Owns the downsample kernel and its sampler.
 */
final class ReferenceRenderer implements AutoCloseable {
    static final int MAX_TILE_TEXELS = 2048;
    static final int MAX_FACTOR = 8;

    private final GpuContext gpu;
    private final BoxDownsample kernel;
    private final Sampler nearest;
    private final int tileTexels;

    private ReferenceRenderer(GpuContext gpu, BoxDownsample kernel, Sampler nearest, int tileTexels) {
        this.gpu = gpu;
        this.kernel = kernel;
        this.nearest = nearest;
        this.tileTexels = tileTexels;
    }

    /** @param tileTexels largest side of a supersampled tile ({@link #MAX_TILE_TEXELS}; tests use small tiles) */
    static ReferenceRenderer create(GpuContext gpu, int tileTexels) {
        BoxDownsample kernel = BoxDownsample.create(gpu);
        try {
            Sampler nearest = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            return new ReferenceRenderer(gpu, kernel, nearest, tileTexels);
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    ImageData render(SceneRenderer renderer, StereoFrame frame, Eye eye, int width, int height, int factor) {
        if (factor < 1 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("supersampling factor " + factor + " is outside 1.." + MAX_FACTOR);
        }
        if (width < 1 || height < 1 || (long) width * factor > RenderSettings.MAX_SIZE * 64L) {
            throw new IllegalArgumentException("reference size " + width + "x" + height + " is not renderable");
        }
        int tile = Math.max(1, tileTexels / factor);
        EyeTargets targets = renderer.targets("reference", Math.min(width, tile) * factor,
                Math.min(height, tile) * factor, 1);
        EyePose pose = frame.current().eye(eye);
        Sampler textures = renderer.sampler(0f);
        try (GpuBuffer output = gpu.buffer(16L * width * height, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                MemoryUse.DEVICE_LOCAL)) {
            for (int y0 = 0; y0 < height; y0 += tile) {
                for (int x0 = 0; x0 < width; x0 += tile) {
                    int tw = Math.min(tile, width - x0);
                    int th = Math.min(tile, height - y0);
                    Matrix4f crop = Projection.tile(new Matrix4f(), x0 * factor, y0 * factor, tw * factor,
                            th * factor, width * factor, height * factor, new Matrix4f());
                    // The reference has no history: previous = current, so its (unused) vectors are camera-still.
                    renderer.writeFrame(List.of(ViewData.of(pose, pose, crop, 0f, 0f, tw * factor, th * factor)),
                            frame.time(), frame.time());
                    int x = x0;
                    int y = y0;
                    gpu.run(cb -> {
                        renderer.recorder().record(cb, renderer.pipelines(0), targets, tw * factor, th * factor, 0,
                                textures);
                        kernel.record(cb, targets.colourView(), nearest, output, x, y, tw, th, factor, width);
                    });
                }
            }
            ByteBuffer bytes = new Transfers(gpu).download(output);
            float[] data = new float[width * height * 4];
            bytes.asFloatBuffer().get(data);
            return new ImageData(width, height, 4, data);
        }
    }

    int tileTexels() {
        return tileTexels;
    }

    @Override
    public void close() {
        nearest.close();
        kernel.close();
    }
}
