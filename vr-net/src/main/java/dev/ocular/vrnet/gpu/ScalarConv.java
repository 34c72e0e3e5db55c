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

/** A convolution layer on shaders/conv_scalar.comp: fp32 storage and arithmetic, channels in groups of 4. */
final class ScalarConv implements ConvStage {
    /**
     * Tolerance against reference/ConvOp on the same fp32 inputs: only summation order differs (the shader sums in
     * vec4 groups with FMA), so relative error stays near 1e-7 per output.
     */
    static final double NMSE = 1e-10;
    static final double MAX_ABS = 1e-4;
    static final int GROUP = 8;

    private final LayerSpec layer;
    private final ComputeKernel kernel;
    private final GpuBuffer weights;
    private final GpuBuffer bias;
    private final ConvPush push = new ConvPush();
    private final CachedBindings cache = new CachedBindings(2, 2);

    private ScalarConv(LayerSpec layer, ComputeKernel kernel, GpuBuffer weights, GpuBuffer bias) {
        this.layer = layer;
        this.kernel = kernel;
        this.weights = weights;
        this.bias = bias;
    }

    static int pad(int channels) {
        return (channels + 3) / 4 * 4;
    }

    static ScalarConv create(GpuContext gpu, ConvWeights w) {
        LayerSpec layer = w.layer();
        SpecConstants constants = SpecConstants.none().with(0, layer.kernelSize())
                .with(1, layer.activation() == Activation.RELU ? 1 : 0).with(2, pad(layer.out()) / 4);
        ComputeKernel kernel = ComputeKernel.create(gpu, ComputeKernel.Spec.storageBuffers(
                VrNetShader.CONV_SCALAR.source(), 4, ConvPush.BYTES, constants));
        GpuBuffer weights = null;
        try {
            weights = upload(gpu, packWeights(w));
            GpuBuffer bias = upload(gpu, packBias(w));
            return new ScalarConv(layer, kernel, weights, bias);
        } catch (RuntimeException e) {
            if (weights != null) {
                weights.close();
            }
            kernel.close();
            throw e;
        }
    }

    /** [tap][in/4][out/4] mat4, column j = input 4i+j, row r = output 4g+r; padding is zero. */
    static float[] packWeights(ConvWeights w) {
        LayerSpec l = w.layer();
        int k = l.kernelSize();
        int cin4 = pad(l.in()) / 4;
        int cout4 = pad(l.out()) / 4;
        float[] packed = new float[k * k * cin4 * cout4 * 16];
        for (int tap = 0; tap < k * k; tap++) {
            for (int i = 0; i < cin4; i++) {
                for (int g = 0; g < cout4; g++) {
                    int base = ((tap * cin4 + i) * cout4 + g) * 16;
                    for (int j = 0; j < 4; j++) {
                        for (int r = 0; r < 4; r++) {
                            int in = 4 * i + j;
                            int out = 4 * g + r;
                            packed[base + 4 * j + r] = in < l.in() && out < l.out()
                                    ? w.weight(out, in, tap / k, tap % k) : 0f;
                        }
                    }
                }
            }
        }
        return packed;
    }

    static float[] packBias(ConvWeights w) {
        float[] packed = new float[pad(w.layer().out())];
        System.arraycopy(w.bias(), 0, packed, 0, w.bias().length);
        return packed;
    }

    private static GpuBuffer upload(GpuContext gpu, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(values);
        GpuBuffer buffer = gpu.buffer(bytes.capacity(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
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
        return pad(layer.in());
    }

    @Override
    public int outputChannels() {
        return pad(layer.out());
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
        kernel.dispatch(cb, bindings, push.fill(layout, inputChannels() / 4),
                ComputeKernel.groups(layout.maxWidth(), GROUP), ComputeKernel.groups(layout.maxHeight(), GROUP),
                layout.eyes());
    }

    @Override
    public void close() {
        bias.close();
        weights.close();
        kernel.close();
    }
}
