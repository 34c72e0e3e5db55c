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
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.PackOp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The pack op on shaders/pack.comp, both eyes in one dispatch. CPU twin: reference/PackOp. */
final class PackKernel implements AutoCloseable {
    /**
     * fp32 storage: the shader does PackOp's arithmetic in the same order; only ulp-level differences remain. The
     * disocclusion input's log2 of a depth ratio is fp32 here and double there, a few ulps apart, which its
     * softsign shrinks; only an exact tie between two texels of opposite sign could flip its sign, which random
     * depths do not make.
     */
    static final double NMSE_F32 = 1e-10;
    static final double MAX_ABS_F32 = 1e-5;
    /** fp16 storage rounds each channel (all within [−1.5, 1.5] for lens scales ≤ 3) to 11 significant bits. */
    static final double NMSE_F16 = 1e-6;
    static final double MAX_ABS_F16 = 1e-3;
    static final int GROUP = 8;
    /** Per eye: 14 words (Eye in pack.comp, std430), then stride and channel count. */
    private static final int EYE_BYTES = 14 * 4;
    private static final int PUSH_BYTES = 2 * EYE_BYTES + 8;

    private final ComputeKernel kernel;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    private final CachedBindings cache = new CachedBindings(26, 4);

    private PackKernel(ComputeKernel kernel) {
        this.kernel = kernel;
    }

    /** @param inputs the spec's input names ({@code NetSpec.INPUTS}, then any optional ones) */
    static PackKernel create(GpuContext gpu, boolean fp16Activations, float motionSoftsign, List<String> inputs) {
        List<Integer> types = new ArrayList<>(Collections.nCopies(8, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER));
        types.add(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER);
        types.addAll(Collections.nCopies(2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER));
        types.addAll(Collections.nCopies(2, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE));
        return new PackKernel(ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.pack(fp16Activations).source(), types, PUSH_BYTES,
                SpecConstants.none().withFloat(0, motionSoftsign).with(1, inputs.size())
                        .with(2, inputs.indexOf(NetSpec.UPSCALE)).with(3, inputs.indexOf(NetSpec.DISOCCLUSION))
                        .withFloat(4, PackOp.DISOCCLUSION_SOFTSIGN), false)));
    }

    /**
     * Writes the first {@code channels} channels (the spec's inputs, the rest zero) of every eye's interior in
     * {@code act}.
     */
    void record(CommandBuffer cb, EyeSlot[] eyes, GpuBuffer act, ActivationLayout layout, int channels,
            Sampler sampler) {
        int n = layout.eyes();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            int at = e * EYE_BYTES;
            push.putInt(at, s.width).putInt(at + 4, s.height).putInt(at + 8, s.params.outWidth())
                    .putInt(at + 12, s.params.outHeight()).putInt(at + 16, s.layer)
                    .putInt(at + 20, s.historyValid ? 1 : 0).putInt(at + 24, (int) layout.eyeOffset(Math.min(e, n - 1)))
                    .putFloat(at + 28, s.jitterX).putFloat(at + 32, s.jitterY)
                    .putFloat(at + 36, s.params.lensCentreU()).putFloat(at + 40, s.params.lensCentreV())
                    .putFloat(at + 44, s.params.lensScaleX()).putFloat(at + 48, s.params.lensScaleY())
                    .putInt(at + 52, s.depthValid ? 1 : 0);
        }
        push.putInt(2 * EYE_BYTES, layout.stride()).putInt(2 * EYE_BYTES + 4, channels).position(0)
                .limit(PUSH_BYTES);
        kernel.dispatch(cb, bindings(eyes, n, act, sampler), push,
                ComputeKernel.groups(layout.maxWidth(), GROUP), ComputeKernel.groups(layout.maxHeight(), GROUP), n);
    }

    private Bindings bindings(EyeSlot[] eyes, int n, GpuBuffer act, Sampler sampler) {
        long[] key = cache.key();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            ViewKeys.put(key, 8 * e, s.colour, s.depth, s.motion, s.history);
            ViewKeys.put(key, 16 + 4 * e, s.previousDepth);
            ViewKeys.put(key, 18 + 4 * e, s.nextDepth);
        }
        key[24] = act.handle();
        key[25] = sampler.handle();
        Bindings cached = cache.lookup();
        if (cached != null) {
            return cached;
        }
        Bindings b = Bindings.create();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            b.sampled(e, s.colour, sampler, s.colour.image().layout())
                    .sampled(2 + e, s.depth, sampler, s.depth.image().layout())
                    .sampled(4 + e, s.motion, sampler, s.motion.image().layout())
                    .sampled(6 + e, s.history, sampler, s.history.image().layout())
                    .sampled(9 + e, s.previousDepth, sampler, s.previousDepth.image().layout())
                    .storageImage(11 + e, s.nextDepth);
        }
        return cache.store(b.storage(8, act));
    }

    @Override
    public void close() {
        kernel.close();
    }
}
