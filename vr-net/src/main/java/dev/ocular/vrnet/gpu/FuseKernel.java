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
 * The reconstruct / fuse op (spec version 2) on shaders/fuse.comp, both eyes in one dispatch, writing each eye's output
 * and next-history images (RGBA16F, GENERAL layout). CPU twin: reference/FuseOp (one pixel: reference/FuseSample).
 *
 * <p>Tolerances, against {@code FuseOp.apply} on the same binary16-exact inputs (colour in [0, 4), history RGB in
 * [0, 8), history weight in [0, 40)). The kernel does FuseSample's arithmetic in the same order and rounds both
 * stores to fp16 itself, to nearest as {@code Perceptual.fp16} does (Vulkan leaves a storage write's rounding to the
 * implementation; lavapipe's is not to nearest, and through history its bias accumulated past NMSE 1e-6 within 5–10
 * frames). What remains:
 * <ul>
 * <li>GLSL's exp, exp2, tanh, pow and sin against Java's correctly rounded double: ulp-level, amplified by at most
 * 1 / (1 − Y) ≲ 20 on the way back from perceptual space;</li>
 * <li>output: FuseOp's is unrounded fp32, the image keeps fp16: half an ulp, 2^-11 relative (3.9e-3 at 8–16);</li>
 * <li>history: both sides round to nearest, so texels agree exactly unless an fp32 difference straddles a rounding
 * boundary; then by one ulp, which on an accumulated weight below 40 (the test's inputs; the shipped spec caps it at
 * maxHistory · 2^capOctaves = 20) is at most 1/32.</li>
 * </ul>
 * Measured on lavapipe (FuseKernelTest): output NMSE ≤ 1e-7, max-abs 3.9e-3; history NMSE ≤ 7e-10, max-abs 3.9e-3.
 */
final class FuseKernel implements AutoCloseable {
    /** Output (RGB linear, A coverage): the half-ulp store; 0.02 is above one ulp (1/64) of colour up to 32. */
    static final double NMSE_F32 = 1e-6;
    static final double MAX_ABS_F32 = 0.02;
    /**
     * The fp16-activation variant differs only in reading the head as binary16: on a binary16-exact head (the kernel
     * test's) it computes exactly what the fp32 variant does, so the bounds are the same; the whole-net bound for
     * fp16 activations is {@link GpuVrNet#NMSE_COOPMAT}.
     */
    static final double NMSE_F16 = NMSE_F32;
    static final double MAX_ABS_F16 = MAX_ABS_F32;
    /**
     * Next history, both variants: exact but for one-ulp steps where a rounding boundary falls between the two fp32
     * values; one such step of a weight in 32–40 is 1/32, and on a 3 × 3 eye it alone makes an NMSE of ~3e-7.
     */
    static final double NMSE_HISTORY = 1e-6;
    static final double MAX_ABS_HISTORY = 0.04;
    /**
     * Refine input (REFINE variant) against reference/RefineOp.input: T(rgb) of the unrounded output carries the
     * transcendental functions' ulp-level differences (above), the guides are the same bilinear arithmetic; with fp16
     * storage add half an ulp of values below 4 (the guides of the test's heads in [−3, 3]), 2^-10.
     */
    static final double NMSE_REFINE_INPUT_F32 = 1e-8;
    static final double MAX_ABS_REFINE_INPUT_F32 = 1e-4;
    static final double NMSE_REFINE_INPUT_F16 = 1e-6;
    static final double MAX_ABS_REFINE_INPUT_F16 = 2e-3;
    static final int GROUP = 8;
    /** Two eyes of nine words, the head stride, then the refine input's stride, channel count and two eye offsets. */
    private static final int PUSH_BYTES = 2 * 9 * 4 + 4 + 4 * 4;
    /** Bindings per eye (colour, depth, motion, history samplers; output, next-history images), eye 0 then eye 1. */
    private static final int KEY_PER_EYE = 12;

    private final ComputeKernel kernel;
    private final boolean refine;
    /** {@link #recordConstantHead}'s one-eye array, reused so recording allocates nothing per frame. */
    private final EyeSlot[] single = new EyeSlot[1];
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    /** Four entries: history ping-pong × two eyes dispatched one at a time (ZeroHeadFuse); a stereo batch uses two. */
    private final CachedBindings cache = new CachedBindings(2 * KEY_PER_EYE + 3, 4);

    private FuseKernel(ComputeKernel kernel, boolean refine) {
        this.kernel = kernel;
        this.refine = refine;
    }

    /** The fuse op alone (no refine stage, or TAAU). */
    static FuseKernel create(GpuContext gpu, boolean fp16Activations, FuseConstants k) {
        return create(gpu, fp16Activations, k, -1);
    }

    /**
     * @param guides the head's guide channels when the kernel also writes the refine stage's input (spec version 3),
     *               or −1 for the fuse op alone
     */
    static FuseKernel create(GpuContext gpu, boolean fp16Activations, FuseConstants k, int guides) {
        boolean refine = guides >= 0;
        List<Integer> types = new ArrayList<>(Collections.nCopies(8, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER));
        types.add(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER);
        types.addAll(Collections.nCopies(4, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE));
        if (refine) {
            types.add(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER);
        }
        SpecConstants constants = SpecConstants.none().withFloat(0, k.sigmaBase()).withFloat(1, k.sigmaOctaves())
                .withFloat(2, k.capOctaves()).withFloat(3, k.gammaBase()).withFloat(4, k.gammaOctaves())
                .withFloat(5, k.residualScale()).withFloat(6, k.maxHistory()).withFloat(7, k.minHistory())
                .withFloat(8, k.fastMotion()).withFloat(9, k.rejection()).with(10, Math.max(guides, 0));
        return new FuseKernel(ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.fuse(fp16Activations, refine).source(), types, PUSH_BYTES, constants, false)), refine);
    }

    /**
     * Reads the head (first 6 channels of {@code head}) and each eye's G-buffer and history (when
     * {@link EyeSlot#historyValid}), and writes every pixel of each eye's output and next-history images.
     */
    void record(CommandBuffer cb, EyeSlot[] eyes, GpuBuffer head, ActivationLayout layout, Sampler sampler) {
        if (refine) {
            throw new IllegalStateException("this fuse kernel writes a refine input: pass its buffer");
        }
        recordEyes(cb, eyes, head, layout, sampler, null, null, 0);
    }

    /**
     * As {@link #record(CommandBuffer, EyeSlot[], GpuBuffer, ActivationLayout, Sampler)}, and also writes the refine
     * stage's input: the first {@code channels} channels of every output pixel of {@code refineLayout} in
     * {@code refineIn} (3 colour, the guides, zeros after them).
     */
    void record(CommandBuffer cb, EyeSlot[] eyes, GpuBuffer head, ActivationLayout layout, Sampler sampler,
            GpuBuffer refineIn, ActivationLayout refineLayout, int channels) {
        if (!refine) {
            throw new IllegalStateException("this fuse kernel was made without a refine input");
        }
        if (channels > refineLayout.stride()) {
            throw new IllegalArgumentException("refine input of " + channels + " channels exceeds the layout's stride "
                    + refineLayout.stride());
        }
        recordEyes(cb, eyes, head, layout, sampler, refineIn, refineLayout, channels);
    }

    private void recordEyes(CommandBuffer cb, EyeSlot[] eyes, GpuBuffer head, ActivationLayout layout,
            Sampler sampler, GpuBuffer refineIn, ActivationLayout refineLayout, int channels) {
        int n = layout.eyes();
        for (int e = 0; e < 2; e++) {
            int from = Math.min(e, n - 1);
            putEye(e, eyes[from], layout.eyeOffset(from));
            push.putInt(84 + 4 * e, refineLayout == null ? 0 : (int) refineLayout.eyeOffset(from));
        }
        push.putInt(76, refineLayout == null ? 0 : refineLayout.stride()).putInt(80, channels);
        dispatch(cb, eyes, n, layout.stride(), head, sampler, refineIn);
    }

    /**
     * One eye with the same head values at every pixel: {@code head} holds six values and is read with stride 0, so
     * every pixel (and every bilinear tap) reads them. A zero head makes this the TAAU baseline's resolve.
     */
    void recordConstantHead(CommandBuffer cb, EyeSlot eye, GpuBuffer head, Sampler sampler) {
        if (refine) {
            throw new IllegalStateException("a constant head has no refine stage");
        }
        single[0] = eye;
        putEye(0, eye, 0);
        putEye(1, eye, 0);
        push.putInt(76, 0).putInt(80, 0).putInt(84, 0).putInt(88, 0);
        dispatch(cb, single, 1, 0, head, sampler, null);
    }

    private void putEye(int e, EyeSlot s, long headOffset) {
        int at = e * 36;
        push.putInt(at, s.width).putInt(at + 4, s.height).putInt(at + 8, s.params.outWidth())
                .putInt(at + 12, s.params.outHeight()).putInt(at + 16, s.layer)
                .putInt(at + 20, s.historyValid ? 1 : 0).putInt(at + 24, (int) headOffset)
                .putFloat(at + 28, s.jitterX).putFloat(at + 32, s.jitterY);
    }

    private void dispatch(CommandBuffer cb, EyeSlot[] eyes, int n, int stride, GpuBuffer head, Sampler sampler,
            GpuBuffer refineIn) {
        int maxW = 0;
        int maxH = 0;
        for (int e = 0; e < n; e++) {
            maxW = Math.max(maxW, eyes[e].params.outWidth());
            maxH = Math.max(maxH, eyes[e].params.outHeight());
        }
        push.putInt(72, stride).position(0).limit(PUSH_BYTES);
        kernel.dispatch(cb, bindings(eyes, n, head, sampler, refineIn), push, ComputeKernel.groups(maxW, GROUP),
                ComputeKernel.groups(maxH, GROUP), n);
    }

    private Bindings bindings(EyeSlot[] eyes, int n, GpuBuffer head, Sampler sampler, GpuBuffer refineIn) {
        long[] key = cache.key();
        for (int e = 0; e < 2; e++) {
            EyeSlot s = eyes[Math.min(e, n - 1)];
            int at = KEY_PER_EYE * e;
            ViewKeys.put(key, at, s.colour, s.depth, s.motion, s.history);
            ViewKeys.put(key, at + 8, s.output);
            ViewKeys.put(key, at + 10, s.nextHistory);
        }
        key[2 * KEY_PER_EYE] = head.handle();
        key[2 * KEY_PER_EYE + 1] = sampler.handle();
        key[2 * KEY_PER_EYE + 2] = refineIn == null ? 0 : refineIn.handle();
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
                    .storageImage(9 + e, s.output)
                    .storageImage(11 + e, s.nextHistory);
        }
        b.storage(8, head);
        if (refineIn != null) {
            b.storage(13, refineIn);
        }
        return cache.store(b);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
