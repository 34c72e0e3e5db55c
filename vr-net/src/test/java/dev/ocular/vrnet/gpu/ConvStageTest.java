package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.bench.SyntheticFrames;
import dev.ocular.vrnet.model.Activation;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.LayerKind;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.reference.ConvOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each GPU convolution against reference/ConvOp on odd sizes, outputs poisoned with NaN first. */
@DeviceTest
class ConvStageTest {

    @ParameterizedTest(name = "{0} {1}->{2} {3} on {4}, eyes {5}x{6} and {7}x{8}")
    @CsvSource({
        "conv3x3, 14, 32, relu, scalar, 37, 23, 1, 1",
        "conv3x3, 32, 32, relu, scalar, 9, 5, 13, 17",
        "conv1x1, 32, 6, none, scalar, 37, 23, 2, 3",
        "conv3x3, 14, 32, relu, coopmat-f32acc, 37, 23, 1, 1",
        "conv3x3, 32, 32, relu, coopmat-f32acc, 9, 5, 13, 17",
        "conv1x1, 32, 6, none, coopmat-f32acc, 37, 23, 2, 3",
        "conv3x3, 14, 32, relu, coopmat-f16acc, 37, 23, 1, 1",
        "conv3x3, 5, 3, none, coopmat-f16acc, 17, 3, 31, 2",
        "conv1x1, 32, 6, none, coopmat-f16acc, 37, 23, 2, 3",
    })
    void matchesReference(String kind, int in, int out, String act, String executor, int w0, int h0, int w1, int h1,
            GpuContext gpu) {
        LayerSpec layer = new LayerSpec("layer", LayerKind.byJsonName(kind), in, out, Activation.byJsonName(act));
        Random random = new Random(1000L * in + 10L * out + w0 + h1 + executor.hashCode());
        ConvWeights weights = randomWeights(layer, random);
        int[] widths = {w0, w1};
        int[] heights = {h0, h1};
        List<ImageData> inputs = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            inputs.add(SyntheticFrames.uniform(random, widths[e], heights[e], in, -1f, 1f));
        }
        CoopMatPlan plan = null;
        if (!executor.equals("scalar")) {
            plan = CoopMatPlan.choose(gpu.capabilities(), executor.endsWith("f16acc")).orElse(null);
            assumeTrue(plan != null, "device lists no fp16 shape for " + executor);
        }
        ConvWeights reference = plan == null ? weights : roundedForGpu(weights, plan.fp16Accumulator());
        List<ImageData> expected = new ArrayList<>();
        try (GpuFixture fx = new GpuFixture(gpu);
                ConvStage stage = plan == null ? ScalarConv.create(gpu, weights) : CoopMatConv.create(gpu, weights,
                        plan)) {
            for (ImageData input : inputs) {
                expected.add(padChannels(ConvOp.apply(input, reference), stage.outputChannels()));
            }
            int stride = Math.max(stage.inputChannels(), stage.outputChannels());
            ActivationLayout layout = new ActivationLayout(widths, heights, stride, plan == null ? 4 : 2,
                    plan == null ? 0 : plan.slackPixels());
            GpuBuffer src = fx.buffer(layout.bytes());
            GpuBuffer dst = fx.buffer(layout.bytes());
            fx.upload(layout.encode(inputs), src);
            int nan = plan == null ? GpuFixture.NAN_F32 : GpuFixture.NAN_F16_PAIR;
            gpu.run(cb -> {
                cb.fillBuffer(dst, nan);
                GpuFixture.afterFill(cb);
                stage.record(cb, src, dst, layout);
            });
            java.nio.ByteBuffer bytes = fx.transfers.download(dst);
            List<ImageData> actual = layout.decode(bytes, stage.outputChannels());
            assertBorderUntouched(bytes, layout);
            double nmse = plan == null ? ScalarConv.NMSE
                    : plan.fp16Accumulator() ? CoopMatConv.NMSE_F16_ACC : CoopMatConv.NMSE_F32_ACC;
            double maxAbs = plan == null ? ScalarConv.MAX_ABS
                    : plan.fp16Accumulator() ? CoopMatConv.MAX_ABS_F16_ACC : CoopMatConv.MAX_ABS_F32_ACC;
            String what = kind + " " + in + "->" + out + " " + executor
                    + (plan == null ? "" : " (" + plan.describe() + ")");
            var stats = Comparison.assertClose(what, expected, actual, nmse, maxAbs);
            assertTrue(stats.count() > 0);
        }
    }

    /** The zero border is the next layer's padding: a convolution must leave it (here: the NaN poison) alone. */
    static void assertBorderUntouched(java.nio.ByteBuffer bytes, ActivationLayout layout) {
        for (int e = 0; e < layout.eyes(); e++) {
            for (int y = -1; y <= layout.height(e); y++) {
                for (int x = -1; x <= layout.width(e); x++) {
                    if (x >= 0 && y >= 0 && x < layout.width(e) && y < layout.height(e)) {
                        continue;
                    }
                    for (int c = 0; c < layout.stride(); c++) {
                        int at = (int) (layout.element(e, x, y, c) * layout.elementBytes());
                        float v = layout.elementBytes() == 4 ? bytes.getFloat(at)
                                : Float.float16ToFloat(bytes.getShort(at));
                        assertTrue(Float.isNaN(v), "eye " + e + " border pixel (" + x + ", " + y + ") channel " + c
                                + " was written: " + v);
                    }
                }
            }
        }
    }

    static ConvWeights randomWeights(LayerSpec layer, Random random) {
        float[] w = new float[layer.out() * layer.in() * layer.kind().taps()];
        double std = Math.sqrt(2.0 / (layer.in() * layer.kind().taps()));
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
        float[] b = new float[layer.out()];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
        return new ConvWeights(layer, w, b);
    }

    /** The weights as the coopmat path stores them: fp16, and the bias too when it accumulates in fp16. */
    static ConvWeights roundedForGpu(ConvWeights w, boolean fp16Bias) {
        float[] weight = half(w.weight());
        return new ConvWeights(w.layer(), weight, fp16Bias ? half(w.bias()) : w.bias());
    }

    private static float[] half(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.float16ToFloat(Float.floatToFloat16(values[i]));
        }
        return out;
    }

    /** The reference result with the padding channels the GPU must write as zeros. */
    static ImageData padChannels(ImageData image, int channels) {
        ImageData out = ImageData.zeros(image.width(), image.height(), channels);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < image.channels(); c++) {
                    out.set(x, y, c, image.get(x, y, c));
                }
            }
        }
        return out;
    }
}
