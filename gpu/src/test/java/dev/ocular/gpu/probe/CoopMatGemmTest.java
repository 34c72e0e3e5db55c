package dev.ocular.gpu.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT32_KHR;
import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;

import dev.ocular.gpu.CoopMatShape;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.shader.SpirvOps;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.testing.DeviceTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DeviceTest
class CoopMatGemmTest {

    @Test
    void deviceAdvertisesFp16CooperativeMatrices(GpuContext gpu) {
        // The simulated environment's lavapipe (Mesa 26) offers VK_KHR_cooperative_matrix; this suite must exercise it.
        assertTrue(gpu.capabilities().cooperativeMatrix(), gpu.capabilities().name() + " lacks cooperativeMatrix");
        assertFalse(gpu.capabilities().coopMatShapes().isEmpty(), "no cooperative-matrix shapes listed");
        assertTrue(CoopMatGemm.chooseShape(gpu.capabilities(), VK_COMPONENT_TYPE_FLOAT32_KHR).isPresent()
                || CoopMatGemm.chooseShape(gpu.capabilities(), VK_COMPONENT_TYPE_FLOAT16_KHR).isPresent(),
                "no fp16 subgroup shape in " + gpu.capabilities().coopMatShapes());
    }

    @ParameterizedTest(name = "{0}x{1}x{2} fp32-acc={3}")
    @CsvSource({"37, 29, 45, true", "8, 8, 8, true", "64, 48, 80, true", "37, 29, 45, false", "21, 70, 33, false"})
    void matchesCpuReferenceOnRandomInputs(int m, int n, int k, boolean fp32Acc, GpuContext gpu) {
        int acc = fp32Acc ? VK_COMPONENT_TYPE_FLOAT32_KHR : VK_COMPONENT_TYPE_FLOAT16_KHR;
        var shape = CoopMatGemm.chooseShape(gpu.capabilities(), acc);
        assumeTrue(shape.isPresent(), "device lists no fp16 shape with this accumulator");
        Random random = new Random(31L * m + 7L * n + k + (fp32Acc ? 1 : 0));
        float[] a = GemmReference.roundToHalf(randomValues(random, m * k));
        float[] b = GemmReference.roundToHalf(randomValues(random, k * n));
        float[] expected = GemmReference.multiply(a, b, m, n, k);

        Transfers transfers = new Transfers(gpu);
        try (CoopMatGemm gemm = CoopMatGemm.create(gpu, shape.get());
                GpuBuffer ga = gpu.buffer(2L * a.length, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
                GpuBuffer gb = gpu.buffer(2L * b.length, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL);
                GpuBuffer gc = gpu.buffer(4L * m * n, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL)) {
            transfers.upload(halves(a), ga, 0);
            transfers.upload(halves(b), gb, 0);
            gpu.run(cb -> {
                cb.fillBuffer(gc, Float.floatToRawIntBits(Float.NaN)); // unwritten outputs stay NaN
                cb.memoryBarrier(org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_CLEAR_BIT,
                        org.lwjgl.vulkan.VK13.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        org.lwjgl.vulkan.VK13.VK_ACCESS_2_SHADER_WRITE_BIT);
                gemm.record(cb, ga, gb, gc, m, n, k);
            });
            float[] actual = floats(transfers.download(gc), m * n);
            ErrorStats stats = ErrorStats.compare(expected, actual);
            String where = "gemm " + m + "x" + n + "x" + k + " shape " + shape.get().describe() + ": " + stats;
            assertEquals(0, stats.nonFinite(), where);
            if (fp32Acc) {
                assertTrue(stats.within(CoopMatGemm.NMSE_F32_ACC, CoopMatGemm.MAX_ABS_F32_ACC), where);
            } else {
                assertTrue(stats.within(CoopMatGemm.NMSE_F16_ACC, CoopMatGemm.MAX_ABS_F16_ACC), where);
            }
        }
    }

    @Test
    void compiledShaderUsesCooperativeMatrixMulAdd(GpuContext gpu) {
        byte[] spirv = gpu.shaders().compile(CoopMatGemm.variant(VK_COMPONENT_TYPE_FLOAT32_KHR));
        assertTrue(SpirvOps.contains(spirv, SpirvOps.OP_COOPERATIVE_MATRIX_MUL_ADD_KHR),
                "gemm_coopmat.comp compiled without OpCooperativeMatrixMulAddKHR");
    }

    static float[] randomValues(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }

    static ByteBuffer halves(float[] values) {
        ByteBuffer buf = ByteBuffer.allocateDirect(values.length * 2).order(ByteOrder.nativeOrder());
        for (float v : values) {
            buf.putShort(Float.floatToFloat16(v));
        }
        return buf.flip();
    }

    static float[] floats(ByteBuffer data, int n) {
        float[] out = new float[n];
        data.asFloatBuffer().get(out);
        return out;
    }
}
