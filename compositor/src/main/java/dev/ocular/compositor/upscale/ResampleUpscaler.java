package dev.ocular.compositor.upscale;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.ImageViewCache;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.shader.ShaderSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The bilinear, bicubic and Lanczos-2 baselines on the GPU ({@code resample.comp}); CPU twin {@link ClassicResample}.
 * Tolerance against the twin on RGBA16F data in [0, 4]: the output is rounded to fp16 (11 significant bits), so
 * max-abs {@value #MAX_ABS} and NMSE {@value #NMSE}.
 */
public final class ResampleUpscaler implements Upscaler {
    public static final String SHADER = "dev/ocular/compositor/shaders/resample.comp";
    public static final double MAX_ABS = 4e-3;
    public static final double NMSE = 1e-6;
    private static final int PUSH_BYTES = 28;
    private static final int GROUP = 8;

    private final Method method;
    private final ComputeKernel kernel;
    private final Sampler sampler;
    private final ImageViewCache views;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());

    private ResampleUpscaler(Method method, ComputeKernel kernel, Sampler sampler, ImageViewCache views) {
        this.method = method;
        this.kernel = kernel;
        this.sampler = sampler;
        this.views = views;
    }

    public static ShaderSource variant(ResampleKernel k) {
        return ShaderSource.of(SHADER, Map.of("RESAMPLE_KERNEL", Integer.toString(k.id())));
    }

    public static ResampleKernel kernelFor(Method method) {
        return switch (method) {
            case BILINEAR -> ResampleKernel.BILINEAR;
            case BICUBIC -> ResampleKernel.BICUBIC;
            case LANCZOS -> ResampleKernel.LANCZOS2;
            default -> throw new IllegalArgumentException(method + " is not a resampling baseline");
        };
    }

    public static ResampleUpscaler create(GpuContext gpu, Method method) {
        ComputeKernel kernel = ComputeKernel.create(gpu, new ComputeKernel.Spec(variant(kernelFor(method)),
                List.of(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE), PUSH_BYTES,
                SpecConstants.none(), false));
        Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
        return new ResampleUpscaler(method, kernel, sampler, new ImageViewCache(gpu.device()));
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public List<String> stages() {
        return List.of(method.cliName());
    }

    @Override
    public void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer) {
        for (EyeJob job : jobs) {
            timer.begin(cb, job.eye(), method.cliName());
            push.clear();
            push.putInt(job.input().width()).putInt(job.input().height())
                    .putInt(job.output().width()).putInt(job.output().height())
                    .putFloat(job.input().jitterX()).putFloat(job.input().jitterY())
                    .putInt(job.input().layer()).flip();
            kernel.dispatch(cb, Bindings.create()
                            .sampled(0, views.array(job.input().colour()), sampler,
                                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                            .storageImage(1, views.single(job.output())), push,
                    ComputeKernel.groups(job.output().width(), GROUP),
                    ComputeKernel.groups(job.output().height(), GROUP), 1);
            timer.end(cb, job.eye(), method.cliName());
        }
    }

    @Override
    public void close() {
        views.close();
        sampler.close();
        kernel.close();
    }
}
