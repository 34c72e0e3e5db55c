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
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.shader.ShaderSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TAAU baseline on the GPU ({@code taau.comp}); CPU twin {@link TaauReference}, which documents the algorithm.
 * Owns two RGBA16F history images per eye at output resolution (RGB linear colour, A accumulated weight) and
 * ping-pongs them: each frame reads one and writes the other. History is (re)created when an eye's output size
 * changes and is then treated as reset, as on the first frame and whenever {@link EyeJob#resetHistory()} is set; the
 * replaced pair may still be in use by frames in flight, so it is kept until {@link #close} (resizes are rare).
 * {@link #record} assumes the recorded work is submitted: it advances the ping-pong.
 *
 * <p>Tolerance against the twin on RGBA16F inputs in [0, 4], per frame over a sequence with a reset: outputs and
 * history are stored as fp16, whose rounding mode for storage-image writes is implementation-defined (Vulkan allows
 * round-to-zero; lavapipe's differs from the twin's round-to-nearest by up to one ulp, 2e-3 at 2–4), and history feeds
 * those differences back through the Lanczos taps with gain below one. Measured on lavapipe over 6 frames: max-abs
 * 1.0e-2, NMSE 5e-7; allowed max-abs {@value #MAX_ABS} (8 ulps at 2–4), NMSE {@value #NMSE}.
 */
public final class TaauUpscaler implements Upscaler {
    public static final String SHADER = "dev/ocular/compositor/shaders/taau.comp";
    public static final double MAX_ABS = 1.6e-2;
    public static final double NMSE = 2e-6;
    private static final int PUSH_BYTES = 52;
    private static final int GROUP = 8;
    private static final String STAGE = "taau";

    /** One eye's history pair; {@code current} is the one holding last frame's result. */
    private static final class EyeHistory {
        final GpuImage[] images;
        int current;
        boolean valid;

        EyeHistory(GpuImage a, GpuImage b) {
            images = new GpuImage[] {a, b};
        }
    }

    private final GpuContext gpu;
    private final TaauSettings settings;
    private final ComputeKernel kernel;
    private final Sampler sampler;
    private final ImageViewCache views;
    private final Map<Integer, EyeHistory> eyes = new HashMap<>();
    /** History replaced by a resize: frames in flight may still use it, so it lives until {@link #close}. */
    private final List<GpuImage> retired = new ArrayList<>();
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());

    private TaauUpscaler(GpuContext gpu, TaauSettings settings, ComputeKernel kernel, Sampler sampler) {
        this.gpu = gpu;
        this.settings = settings;
        this.kernel = kernel;
        this.sampler = sampler;
        this.views = new ImageViewCache(gpu.device());
    }

    public static ShaderSource variant() {
        return ShaderSource.of(SHADER);
    }

    public static TaauUpscaler create(GpuContext gpu, TaauSettings settings) {
        ComputeKernel kernel = ComputeKernel.create(gpu, new ComputeKernel.Spec(variant(),
                List.of(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                        VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE,
                        VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE),
                PUSH_BYTES, SpecConstants.none(), false));
        try {
            // texelFetch only: the sampler's filtering is never used, nearest keeps it honest.
            Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            return new TaauUpscaler(gpu, settings, kernel, sampler);
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    @Override
    public Method method() {
        return Method.TAAU;
    }

    @Override
    public List<String> stages() {
        return List.of(STAGE);
    }

    @Override
    public void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer) {
        // Last frame's history writes (and reads of the image written now) come before this frame's dispatches.
        cb.computeToCompute();
        for (EyeJob job : jobs) {
            EyeHistory history = historyFor(cb, job);
            GpuImage read = history.images[history.current];
            GpuImage write = history.images[1 - history.current];
            boolean reset = job.resetHistory() || !history.valid;
            timer.begin(cb, job.eye(), STAGE);
            fillPush(job, reset);
            kernel.dispatch(cb, Bindings.create()
                            .sampled(0, views.array(job.input().colour()), sampler,
                                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                            .sampled(1, views.array(job.input().depth()), sampler,
                                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                            .sampled(2, views.array(job.input().motion()), sampler,
                                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                            .storageImage(3, views.single(read))
                            .storageImage(4, views.single(write))
                            .storageImage(5, views.single(job.output())), push,
                    ComputeKernel.groups(job.output().width(), GROUP),
                    ComputeKernel.groups(job.output().height(), GROUP), 1);
            timer.end(cb, job.eye(), STAGE);
            history.current = 1 - history.current;
            history.valid = true;
        }
    }

    private void fillPush(EyeJob job, boolean reset) {
        push.clear();
        push.putInt(job.input().width()).putInt(job.input().height())
                .putInt(job.output().width()).putInt(job.output().height())
                .putFloat(job.input().jitterX()).putFloat(job.input().jitterY())
                .putInt(job.input().layer()).putInt(reset ? 1 : 0)
                .putFloat(settings.clipGamma()).putFloat(settings.maxHistoryWeight())
                .putFloat(settings.minHistoryWeight()).putFloat(settings.fastMotion())
                .putFloat(settings.rejection()).flip();
    }

    /** The eye's history pair, (re)created at the output's size and moved to GENERAL layout when new. */
    private EyeHistory historyFor(CommandBuffer cb, EyeJob job) {
        EyeHistory h = eyes.get(job.eye());
        int w = job.output().width();
        int ht = job.output().height();
        if (h != null && h.images[0].width() == w && h.images[0].height() == ht) {
            return h;
        }
        if (h != null) {
            retired.add(h.images[0]);
            retired.add(h.images[1]);
            eyes.remove(job.eye());
        }
        ImageSpec spec = ImageSpec.of(w, ht, VK_FORMAT_R16G16B16A16_SFLOAT, VK_IMAGE_USAGE_STORAGE_BIT);
        GpuImage a = gpu.image(spec);
        GpuImage b;
        try {
            b = gpu.image(spec);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        h = new EyeHistory(a, b);
        eyes.put(job.eye(), h);
        for (GpuImage image : h.images) {
            cb.transition(image, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0,
                    VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                    VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
        }
        return h;
    }

    @Override
    public void close() {
        views.close();
        for (EyeHistory h : eyes.values()) {
            for (GpuImage image : h.images) {
                image.close();
            }
        }
        eyes.clear();
        retired.forEach(GpuImage::close);
        retired.clear();
        sampler.close();
        kernel.close();
    }
}
