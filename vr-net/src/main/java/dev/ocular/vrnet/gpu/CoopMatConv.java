package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.Transfers;
import dev.ocular.vrnet.model.Activation;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.LayerSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A convolution layer on shaders/conv_coopmat.comp: implicit GEMM on cooperative matrices, fp16 activations and
 * weights, fp32 or fp16 accumulation per the {@link CoopMatPlan}.
 */
final class CoopMatConv implements ConvStage {
    /**
     * Tolerance against reference/ConvOp fed the same fp16-rounded inputs and weights. With fp32 accumulation the
     * error is the fp16 rounding of each output (relative 2^-12, NMSE ~1e-8); fp16 accumulation rounds every partial
     * sum of up to 288 products as well. Measured on lavapipe (8x8x8): NMSE 4e-8 / 7e-7, max-abs 1e-3 / 5e-3 for
     * unit-scale inputs; the bounds leave a margin of about 20.
     */
    static final double NMSE_F32_ACC = 1e-6;
    static final double MAX_ABS_F32_ACC = 0.01;
    static final double NMSE_F16_ACC = 1e-5;
    static final double MAX_ABS_F16_ACC = 0.05;

    private final LayerSpec layer;
    private final CoopMatPlan plan;
    private final ComputeKernel kernel;
    private final GpuBuffer weights;
    private final GpuBuffer bias;
    private final ConvPush push = new ConvPush();
    private final CachedBindings cache = new CachedBindings(2, 2);

    private CoopMatConv(LayerSpec layer, CoopMatPlan plan, ComputeKernel kernel, GpuBuffer weights, GpuBuffer bias) {
        this.layer = layer;
        this.plan = plan;
        this.kernel = kernel;
        this.weights = weights;
        this.bias = bias;
    }

    static CoopMatConv create(GpuContext gpu, ConvWeights w, CoopMatPlan plan) {
        LayerSpec layer = w.layer();
        var s = plan.shape();
        SpecConstants constants = SpecConstants.none().with(0, s.m()).with(1, s.n()).with(2, s.k())
                .with(3, plan.subgroupSize()).with(4, plan.tilesM()).with(5, plan.pad(layer.out()) / s.n())
                .with(6, layer.kernelSize()).with(7, layer.activation() == Activation.RELU ? 1 : 0);
        ComputeKernel kernel = ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.coopMatConv(plan.fp16Accumulator()).source(),
                java.util.Collections.nCopies(4, org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_BUFFER),
                ConvPush.BYTES, constants, true));
        GpuBuffer weights = null;
        try {
            weights = upload(gpu, packWeights(w, plan));
            GpuBuffer bias = upload(gpu, packBias(w, plan));
            return new CoopMatConv(layer, plan, kernel, weights, bias);
        } catch (RuntimeException e) {
            if (weights != null) {
                weights.close();
            }
            kernel.close();
            throw e;
        }
    }

    /**
     * B matrices (cin × cout per tap) stored column-major, i.e. [tap][coutPadded][cinPadded] fp16: element (tap, o, i)
     * = weight[o][i][ky][kx]. Column-major B keeps each column's K values contiguous, which lavapipe's lowering loads
     * as one vector per row instead of a strided gather (Mesa lvp_nir_lower_cooperative_matrix.c stores B transposed).
     */
    static ByteBuffer packWeights(ConvWeights w, CoopMatPlan plan) {
        LayerSpec l = w.layer();
        int k = l.kernelSize();
        int cin = plan.pad(l.in());
        int cout = plan.pad(l.out());
        ByteBuffer bytes = ByteBuffer.allocateDirect(k * k * cin * cout * 2).order(ByteOrder.nativeOrder());
        for (int tap = 0; tap < k * k; tap++) {
            for (int o = 0; o < cout; o++) {
                for (int i = 0; i < cin; i++) {
                    float v = i < l.in() && o < l.out() ? w.weight(o, i, tap / k, tap % k) : 0f;
                    bytes.putShort(Float.floatToFloat16(v));
                }
            }
        }
        return bytes.flip();
    }

    /** The accumulators' initial value: M rows, each the padded bias, in the accumulator type. */
    static ByteBuffer packBias(ConvWeights w, CoopMatPlan plan) {
        int cout = plan.pad(w.layer().out());
        int rows = plan.shape().m();
        int bytesPer = plan.fp16Accumulator() ? 2 : 4;
        ByteBuffer bytes = ByteBuffer.allocateDirect(rows * cout * bytesPer).order(ByteOrder.nativeOrder());
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < cout; o++) {
                float v = o < w.bias().length ? w.bias()[o] : 0f;
                if (plan.fp16Accumulator()) {
                    bytes.putShort(Float.floatToFloat16(v));
                } else {
                    bytes.putFloat(v);
                }
            }
        }
        return bytes.flip();
    }

    private static GpuBuffer upload(GpuContext gpu, ByteBuffer bytes) {
        GpuBuffer buffer = gpu.buffer(bytes.remaining(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
        try {
            new Transfers(gpu).upload(bytes, buffer, 0);
            return buffer;
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    @Override
    public LayerSpec layer() {
        return layer;
    }

    @Override
    public int inputChannels() {
        return plan.pad(layer.in());
    }

    @Override
    public int outputChannels() {
        return plan.pad(layer.out());
    }

    @Override
    public void record(CommandBuffer cb, GpuBuffer src, GpuBuffer dst, ActivationLayout layout) {
        long[] key = cache.key();
        key[0] = src.handle();
        key[1] = dst.handle();
        Bindings bindings = cache.lookup();
        if (bindings == null) {
            bindings = cache.store(Bindings.create().storage(0, src).storage(1, dst).storage(2, weights)
                    .storage(3, bias));
        }
        int pixelsPerGroup = plan.shape().m() * plan.tilesM();
        kernel.dispatch(cb, bindings, push.fill(layout, inputChannels()),
                ComputeKernel.groups(layout.maxWidth(), pixelsPerGroup), layout.maxHeight(), layout.eyes());
    }

    @Override
    public void close() {
        bias.close();
        weights.close();
        kernel.close();
    }
}
