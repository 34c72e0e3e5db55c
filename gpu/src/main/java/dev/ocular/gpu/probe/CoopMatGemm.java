package dev.ocular.gpu.probe;

import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT32_KHR;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.CoopMatShape;
import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.shader.ShaderSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * fp16 GEMM on cooperative matrices ({@code gemm_coopmat.comp}), with the tile shape taken from the device's property
 * list. The hardware probe behind {@code ocular info}'s coopmat check and the foundation test; CPU twin
 * {@link GemmReference}.
 */
public final class CoopMatGemm implements AutoCloseable {
    public static final String SHADER = "dev/ocular/gpu/shaders/gemm_coopmat.comp";
    /**
     * Tolerance against {@link GemmReference} for inputs in [−1, 1] and K ≤ 512. fp32 accumulation differs from the
     * double reference only by summation order: NMSE 1e-8, max-abs 1e-4. fp16 accumulation rounds every partial sum
     * to 11 significant bits: NMSE 1e-4, max-abs 0.05.
     */
    public static final double NMSE_F32_ACC = 1e-8;
    public static final double MAX_ABS_F32_ACC = 1e-4;
    public static final double NMSE_F16_ACC = 1e-4;
    public static final double MAX_ABS_F16_ACC = 0.05;

    private final ComputeKernel kernel;
    private final CoopMatShape shape;

    private CoopMatGemm(ComputeKernel kernel, CoopMatShape shape) {
        this.kernel = kernel;
        this.shape = shape;
    }

    /** The largest subgroup-scope fp16 shape with the given accumulator type the device lists, if any. */
    public static Optional<CoopMatShape> chooseShape(DeviceCapabilities caps, int accumulatorType) {
        if (!caps.canRunFp16CoopMat()) {
            return Optional.empty();
        }
        return caps.coopMatShapes().stream().filter(s -> s.isFp16With(accumulatorType))
                .max(Comparator.comparingInt((CoopMatShape s) -> s.m() * s.n() * s.k()));
    }

    public static ShaderSource variant(int accumulatorType) {
        return accumulatorType == VK_COMPONENT_TYPE_FLOAT16_KHR
                ? ShaderSource.of(SHADER, Map.of("ACC_F16", "1")) : ShaderSource.of(SHADER);
    }

    public static CoopMatGemm create(GpuContext context, CoopMatShape shape) {
        if (shape.cType() != VK_COMPONENT_TYPE_FLOAT16_KHR && shape.cType() != VK_COMPONENT_TYPE_FLOAT32_KHR) {
            throw new IllegalArgumentException("unsupported accumulator " + shape.describe());
        }
        SpecConstants constants = SpecConstants.none().with(0, shape.m()).with(1, shape.n()).with(2, shape.k())
                .with(3, context.capabilities().subgroupSize());
        ComputeKernel kernel = ComputeKernel.create(context, new ComputeKernel.Spec(variant(shape.cType()),
                java.util.Collections.nCopies(3, org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_BUFFER), 12, constants, true));
        return new CoopMatGemm(kernel, shape);
    }

    public CoopMatShape shape() {
        return shape;
    }

    /** Records C = A × B; A, B hold fp16, C receives fp32; all row-major. */
    public void record(CommandBuffer cb, GpuBuffer a, GpuBuffer b, GpuBuffer c, int m, int n, int k) {
        ByteBuffer push = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
        push.putInt(m).putInt(n).putInt(k).flip();
        kernel.dispatch(cb, Bindings.create().storage(0, a).storage(1, b).storage(2, c), push,
                ComputeKernel.groups(n, shape.n()), ComputeKernel.groups(m, shape.m()), 1);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
