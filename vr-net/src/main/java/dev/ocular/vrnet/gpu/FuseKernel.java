package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.vrnet.model.FuseConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reconstruct / fuse op on shaders/fuse.comp, both eyes in one dispatch, writing each eye's output image (RGBA16F,
 * GENERAL layout). CPU twin: reference/FuseOp.
 */
final class FuseKernel implements AutoCloseable {
    /**
     * fp32 head: the arithmetic matches FuseOp up to exp/tanh ulps; the error is the RGBA16F output's rounding
     * (relative 2^-12, NMSE ~1e-8; max-abs for outputs up to ~30).
     */
    static final double NMSE_F32 = 1e-6;
    static final double MAX_ABS_F32 = 0.02;
    /** fp16 head: the interpolated parameters carry fp16 rounding into σ, α, γ and the residual too. */
    static final double NMSE_F16 = 1e-5;
    static final double MAX_ABS_F16 = 0.05;
    static final int GROUP = 8;
    private static final int PUSH_BYTES = 2 * 9 * 4 + 4;

    private final ComputeKernel kernel;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    private final CachedBindings cache = new CachedBindings(18, 2);

    private FuseKernel(ComputeKernel kernel) {
        this.kernel = kernel;
    }

    static FuseKernel create(GpuContext gpu, boolean fp16Activations, FuseConstants k) {
        List<Integer> types = new ArrayList<>(Collections.nCopies(6, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER));
        types.add(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER);
        types.add(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE);
        types.add(VK_DESCRIPTOR_TYPE_STORAGE_IMAGE);
        SpecConstants constants = SpecConstants.none().withFloat(0, k.sigmaMin()).withFloat(1, k.sigmaMax())
                .withFloat(2, k.alphaMin()).withFloat(3, k.alphaMax()).withFloat(4, k.gammaMin())
                .withFloat(5, k.gammaMax()).withFloat(6, k.residualScale());
        return new FuseKernel(ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.fuse(fp16Activations).source(), types, PUSH_BYTES, constants, false)));
    }

    /** Reads the head (first 6 channels of {@code head}) and writes every pixel of each eye's output image. */
    void record(CommandBuffer cb, EyeSlot[] eyes, GpuBuffer head, ActivationLayout layout, Sampler sampler) {
        int n = layout.eyes();
        int maxW = 0;
        int maxH = 0;
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            int at = e * 36;
            push.putInt(at, s.width).putInt(at + 4, s.height).putInt(at + 8, s.params.outWidth())
                    .putInt(at + 12, s.params.outHeight()).putInt(at + 16, s.layer)
                    .putInt(at + 20, s.historyValid ? 1 : 0).putInt(at + 24, (int) layout.eyeOffset(Math.min(e, n - 1)))
                    .putFloat(at + 28, s.jitterX).putFloat(at + 32, s.jitterY);
            maxW = Math.max(maxW, s.params.outWidth());
            maxH = Math.max(maxH, s.params.outHeight());
        }
        push.putInt(72, layout.stride()).position(0).limit(PUSH_BYTES);
        kernel.dispatch(cb, bindings(eyes, n, head, sampler), push, ComputeKernel.groups(maxW, GROUP),
                ComputeKernel.groups(maxH, GROUP), n);
    }

    private Bindings bindings(EyeSlot[] eyes, int n, GpuBuffer head, Sampler sampler) {
        long[] key = cache.key();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            ViewKeys.put(key, 8 * e, s.colour, s.motion, s.history, s.output);
        }
        key[16] = head.handle();
        key[17] = sampler.handle();
        Bindings cached = cache.lookup();
        if (cached != null) {
            return cached;
        }
        Bindings b = Bindings.create();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            b.sampled(e, s.colour, sampler, s.colour.image().layout())
                    .sampled(2 + e, s.motion, sampler, s.motion.image().layout())
                    .sampled(4 + e, s.history, sampler, s.history.image().layout())
                    .storageImage(7 + e, s.output);
        }
        return cache.store(b.storage(6, head));
    }

    @Override
    public void close() {
        kernel.close();
    }
}
