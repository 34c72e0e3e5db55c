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
 * The SPATIAL baseline on the GPU: {@code spatial_upsample.comp} into an RGBA16F intermediate per eye, then
 * {@code spatial_sharpen.comp} into the output. CPU twin {@link SpatialReference}, which documents the algorithm.
 * Intermediates are (re)created at an eye's output size; one replaced by a resize may still be in use by frames in
 * flight, so it is kept until {@link #close}.
 *
 * <p>Tolerance against the twin on RGBA16F inputs in [0, 4]: the intermediate and the output are fp16 (one ulp is
 * 2e-3 at 2–4, 4e-3 above 4; the GPU's rounding mode for storage writes is implementation-defined, lavapipe's differs
 * from the twin's round-to-nearest), and at full sharpness the cross multiplies tap differences by up to 7 in
 * tone-mapped space, which the inverse tone map stretches again near the top of the range. Measured on lavapipe:
 * max-abs 7.8e-3 at sharpness ≤ 0.25, 4.1e-2 at sharpness 1 (NMSE ≤ 1.6e-6); allowed max-abs {@value #MAX_ABS}
 * (1.25 % of the range), NMSE {@value #NMSE}.
 */
public final class SpatialUpscaler implements Upscaler {
    public static final String UPSAMPLE_SHADER = "dev/ocular/compositor/shaders/spatial_upsample.comp";
    public static final String SHARPEN_SHADER = "dev/ocular/compositor/shaders/spatial_sharpen.comp";
    public static final double MAX_ABS = 5e-2;
    public static final double NMSE = 4e-6;
    public static final String UPSAMPLE_STAGE = "spatial.upsample";
    public static final String SHARPEN_STAGE = "spatial.sharpen";
    private static final int UPSAMPLE_PUSH = 32;
    private static final int SHARPEN_PUSH = 16;
    private static final int GROUP = 8;

    private final GpuContext gpu;
    private final SpatialSettings settings;
    private final ComputeKernel upsample;
    private final ComputeKernel sharpen;
    private final Sampler sampler;
    private final ImageViewCache views;
    private final Map<Integer, GpuImage> intermediates = new HashMap<>();
    private final List<GpuImage> retired = new ArrayList<>();
    private final ByteBuffer push = ByteBuffer.allocateDirect(UPSAMPLE_PUSH).order(ByteOrder.nativeOrder());

    private SpatialUpscaler(GpuContext gpu, SpatialSettings settings, ComputeKernel upsample, ComputeKernel sharpen,
            Sampler sampler) {
        this.gpu = gpu;
        this.settings = settings;
        this.upsample = upsample;
        this.sharpen = sharpen;
        this.sampler = sampler;
        this.views = new ImageViewCache(gpu.device());
    }

    public static List<ShaderSource> variants() {
        return List.of(ShaderSource.of(UPSAMPLE_SHADER), ShaderSource.of(SHARPEN_SHADER));
    }

    public static SpatialUpscaler create(GpuContext gpu, SpatialSettings settings) {
        ComputeKernel up = ComputeKernel.create(gpu, new ComputeKernel.Spec(ShaderSource.of(UPSAMPLE_SHADER),
                List.of(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE), UPSAMPLE_PUSH,
                SpecConstants.none(), false));
        ComputeKernel sharp = null;
        try {
            sharp = ComputeKernel.create(gpu, new ComputeKernel.Spec(ShaderSource.of(SHARPEN_SHADER),
                    List.of(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE), SHARPEN_PUSH,
                    SpecConstants.none(), false));
            // texelFetch only: nearest keeps the sampler honest.
            Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            return new SpatialUpscaler(gpu, settings, up, sharp, sampler);
        } catch (RuntimeException e) {
            if (sharp != null) {
                sharp.close();
            }
            up.close();
            throw e;
        }
    }

    @Override
    public Method method() {
        return Method.SPATIAL;
    }

    @Override
    public List<String> stages() {
        return List.of(UPSAMPLE_STAGE, SHARPEN_STAGE);
    }

    @Override
    public void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer) {
        // Last frame's sharpen read the intermediates this frame's upsample overwrites.
        cb.computeToCompute();
        for (EyeJob job : jobs) {
            GpuImage mid = intermediateFor(cb, job);
            timer.begin(cb, job.eye(), UPSAMPLE_STAGE);
            push.clear();
            push.putInt(job.input().width()).putInt(job.input().height())
                    .putInt(job.output().width()).putInt(job.output().height())
                    .putFloat(job.input().jitterX()).putFloat(job.input().jitterY())
                    .putInt(job.input().layer()).putFloat(settings.edgeStretch()).flip();
            upsample.dispatch(cb, Bindings.create()
                            .sampled(0, views.array(job.input().colour()), sampler,
                                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                            .storageImage(1, views.single(mid)), push,
                    ComputeKernel.groups(job.output().width(), GROUP),
                    ComputeKernel.groups(job.output().height(), GROUP), 1);
            timer.end(cb, job.eye(), UPSAMPLE_STAGE);
        }
        cb.computeToCompute();
        for (EyeJob job : jobs) {
            timer.begin(cb, job.eye(), SHARPEN_STAGE);
            push.clear();
            push.putInt(job.output().width()).putInt(job.output().height())
                    .putFloat(settings.sharpness()).putFloat(settings.overshoot()).flip();
            sharpen.dispatch(cb, Bindings.create()
                            .storageImage(0, views.single(intermediates.get(job.eye())))
                            .storageImage(1, views.single(job.output())), push,
                    ComputeKernel.groups(job.output().width(), GROUP),
                    ComputeKernel.groups(job.output().height(), GROUP), 1);
            timer.end(cb, job.eye(), SHARPEN_STAGE);
        }
    }

    /** The eye's intermediate at the output's size, in GENERAL layout. */
    private GpuImage intermediateFor(CommandBuffer cb, EyeJob job) {
        GpuImage mid = intermediates.get(job.eye());
        if (mid != null && mid.width() == job.output().width() && mid.height() == job.output().height()) {
            return mid;
        }
        if (mid != null) {
            retired.add(mid);
        }
        mid = gpu.image(ImageSpec.of(job.output().width(), job.output().height(), VK_FORMAT_R16G16B16A16_SFLOAT,
                VK_IMAGE_USAGE_STORAGE_BIT));
        intermediates.put(job.eye(), mid);
        cb.transition(mid, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
        return mid;
    }

    @Override
    public void close() {
        views.close();
        intermediates.values().forEach(GpuImage::close);
        intermediates.clear();
        retired.forEach(GpuImage::close);
        retired.clear();
        sampler.close();
        sharpen.close();
        upsample.close();
    }
}
