package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.SpecConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The refine stage's last step on shaders/refine_apply.comp: adds the residual (the last refine layer's output, or
 * the filter its k² weight channels make, at output resolution in an {@link ActivationLayout}), scaled by the
 * contrast gate, to the tone-mapped colour of the refine input and writes the result into each eye's output image in
 * place, both eyes in one dispatch. CPU twin: reference/RefineOp.apply (gate: reference/ContrastGate; kernel:
 * reference/KernelResidual).
 *
 * <p>Tolerances, against {@code RefineOp.apply} rounded to fp16 as the image keeps it (to nearest, {@code
 * Perceptual.fp16}), on the same binary16-exact colour and residual: the kernel does RefineOp's arithmetic and rounds
 * its store the same way, so values agree exactly unless GLSL's division and Java's differ by an ulp that straddles a
 * rounding boundary — then by one fp16 ulp of the refined value. Clamped values are T⁻¹(MAX_TONEMAPPED) = 4095 on both
 * sides; the test's other values stay below ~300 (colours below 16, residuals within ±0.25), where an ulp is ≤ 0.25,
 * and such steps are rare enough to keep the NMSE far below the bound. With fp16 activations the tone-mapped colour
 * itself is stored as binary16 (the test's is binary16-exact, so the bounds are the same). The gate's range is a
 * difference of two of those values (exact in both), its quotient by τ may differ by an ulp: far below a fp16 step.
 * With a per-pixel kernel (refineKernel k) the residual is reference/KernelResidual's k² products summed in the same
 * order, each product kept unfused ({@code precise}), so the same bounds hold. The neighbourhood clamp (refineClamp)
 * compares and selects stored values, exact on both sides.
 */
final class RefineApplyKernel implements AutoCloseable {
    static final double NMSE = 1e-6;
    static final double MAX_ABS = 0.25;
    static final int GROUP = 8;
    /** Two eyes of (width, height, offset), then the pixel stride. */
    private static final int PUSH_BYTES = 2 * 3 * 4 + 4;

    private final ComputeKernel kernel;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    /** Output views ping-pong with the executor's outputs per eye: two entries cover a steady loop. */
    private final CachedBindings cache = new CachedBindings(6, 2);

    private RefineApplyKernel(ComputeKernel kernel) {
        this.kernel = kernel;
    }

    /**
     * @param gate   the spec's refineGate τ, a specialization constant (0: no gate)
     * @param kernel the spec's refineKernel (0: the residual buffer holds the residual), a specialization constant
     * @param clamp  the spec's refineClamp (bound each refined channel by its neighbourhood), a specialization constant
     */
    static RefineApplyKernel create(GpuContext gpu, boolean fp16Activations, float gate, int kernel, boolean clamp) {
        return new RefineApplyKernel(ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.refineApply(fp16Activations).source(), List.of(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                        VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE,
                        VK_DESCRIPTOR_TYPE_STORAGE_IMAGE), PUSH_BYTES,
                SpecConstants.none().withFloat(0, gate).with(1, kernel).with(2, clamp ? 1 : 0), false)));
    }

    /**
     * Refines every pixel of each eye's output image (GENERAL layout, RGBA16F, {@code layout}'s size for that eye):
     * the first three channels of {@code base} (the refine input: the fused colour, tone-mapped) plus those of
     * {@code residual}; the caller orders it after the writes of all three.
     */
    void record(CommandBuffer cb, GpuBuffer base, GpuBuffer residual, ActivationLayout layout, ImageView[] outputs) {
        if (layout.elementBytes() == 2 && layout.bytes() % 4 != 0) {
            // The shader reads fp16 activations as 32-bit words (see refine_apply.comp); an odd element count would
            // put the last element's word past the buffer.
            throw new IllegalArgumentException("refine apply: fp16 activations of " + layout.bytes()
                    + " bytes, not whole 32-bit words");
        }
        int n = layout.eyes();
        for (int e = 0; e < 2; e++) {
            int from = Math.min(e, n - 1);
            push.putInt(12 * e, layout.width(from)).putInt(12 * e + 4, layout.height(from))
                    .putInt(12 * e + 8, (int) layout.eyeOffset(from));
        }
        push.putInt(24, layout.stride()).position(0).limit(PUSH_BYTES);
        ImageView first = outputs[0];
        ImageView second = outputs[Math.min(1, n - 1)];
        long[] key = cache.key();
        key[0] = base.handle();
        key[1] = residual.handle();
        ViewKeys.put(key, 2, first);
        ViewKeys.put(key, 4, second);
        Bindings bindings = cache.lookup();
        if (bindings == null) {
            bindings = cache.store(Bindings.create().storage(0, base).storage(1, residual).storageImage(2, first)
                    .storageImage(3, second));
        }
        kernel.dispatch(cb, bindings, push, ComputeKernel.groups(layout.maxWidth(), GROUP),
                ComputeKernel.groups(layout.maxHeight(), GROUP), n);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
