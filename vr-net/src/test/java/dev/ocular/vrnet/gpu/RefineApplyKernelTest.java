package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_GENERAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_SAMPLED_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_STORAGE_BIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.bench.SyntheticFrames;
import dev.ocular.vrnet.reference.Perceptual;
import dev.ocular.vrnet.reference.RefineOp;
import dev.ocular.vrnet.reference.ToneMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * shaders/refine_apply.comp against reference/RefineOp.apply: both eyes at odd sizes (edge workgroups), fp32 and fp16
 * residuals. The kernel works in place, so poisoning its output would poison its input; instead every residual is
 * far from zero except on a few exact zeros (the pass-through case), so a pixel the kernel skipped keeps its input
 * colour and fails the comparison.
 */
@DeviceTest
class RefineApplyKernelTest {

    /**
     * Gate 0 is off; at 1 most of these random neighbourhoods (ranges in [0, 0.94]) scale the residual down. Kernel k:
     * the residual buffer holds k × k filter weights (reference/KernelResidual), read at clamped neighbours.
     */
    @ParameterizedTest(name = "fp16={0}, {1}x{2} and {3}x{4}, gate {5}, kernel {6}, clamp {7}")
    @CsvSource({"false, 19, 13, 9, 11, 0, 0, false", "true, 19, 13, 9, 11, 0, 0, false",
        "false, 19, 13, 9, 11, 1, 0, false", "true, 13, 9, 5, 7, 1, 0, false", "false, 1, 1, 17, 3, 0.5, 0, false",
        "false, 19, 13, 9, 11, 0.5, 3, false", "true, 13, 9, 5, 7, 0, 3, false", "false, 1, 1, 17, 3, 0, 3, false",
        "false, 19, 13, 9, 11, 0.5, 5, false", "true, 3, 2, 7, 5, 0, 5, false", "true, 19, 13, 9, 11, 0.5, 5, false",
        "false, 19, 13, 9, 11, 0, 0, true", "true, 13, 9, 5, 7, 1, 0, true", "false, 19, 13, 9, 11, 0.5, 3, true",
        "true, 3, 2, 17, 3, 0.5, 3, true", "true, 19, 13, 9, 11, 0, 5, true"})
    void matchesReference(boolean fp16, int w0, int h0, int w1, int h1, float gate, int k, boolean clamp,
            GpuContext gpu) {
        Random random = new Random(31L * w0 + h1 + (fp16 ? 7 : 0) + k + (clamp ? 3 : 0));
        int[][] sizes = {{w0, h0}, {w1, h1}};
        int stride = k == 0 ? 8 : k * k + 3; // a few channels past the weights, as the net's buffers have
        try (GpuFixture fx = new GpuFixture(gpu);
                RefineApplyKernel kernel = RefineApplyKernel.create(gpu, fp16, gate, k, clamp)) {
            List<ImageData> bases = new ArrayList<>();
            List<ImageData> residuals = new ArrayList<>();
            List<ImageData> expected = new ArrayList<>();
            GpuImage[] images = new GpuImage[2];
            ImageView[] views = new ImageView[2];
            for (int e = 0; e < 2; e++) {
                int w = sizes[e][0];
                int h = sizes[e][1];
                ImageData output = SyntheticFrames.uniform(random, w, h, 4, 0f, 16f); // binary16-exact colour
                ImageData base = toneMapped(output, fp16);
                ImageData residual;
                ImageData stored;
                if (k == 0) {
                    residual = residual(random, w, h, 3, 0.05f, 0.2f);
                    stored = residual;
                } else {
                    stored = residual(random, w, h, k * k, 0.09f / (k * k), 0.36f / (k * k)); // |r| as k = 3 at any k
                    residual = RefineOp.kernelResidual(base, stored, k);
                }
                residuals.add(ConvStageTest.padChannels(stored, stride));
                bases.add(ConvStageTest.padChannels(base, stride));
                expected.add(storedAsFp16(RefineOp.apply(output, base, residual, gate, clamp)));
                if (clamp) {
                    assertClampBinds(RefineOp.apply(output, base, residual, gate, true),
                            RefineOp.apply(output, base, residual, gate, false));
                }
                images[e] = fx.image(output, EyeOutputs.FORMAT, VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                        VK_IMAGE_LAYOUT_GENERAL);
                views[e] = fx.view(images[e]);
            }
            ActivationLayout layout = new ActivationLayout(new int[] {w0, w1}, new int[] {h0, h1}, stride,
                    fp16 ? 2 : 4, 0);
            GpuBuffer base = fx.buffer(layout.bytes());
            fx.upload(layout.encode(bases), base);
            GpuBuffer buffer = fx.buffer(layout.bytes());
            fx.upload(layout.encode(residuals), buffer);
            gpu.run(cb -> kernel.record(cb, base, buffer, layout, views));
            Comparison.assertClose("refine apply fp16=" + fp16 + " gate " + gate, expected,
                    List.of(fx.download(images[0]), fx.download(images[1])), RefineApplyKernel.NMSE,
                    RefineApplyKernel.MAX_ABS);
        }
    }

    /**
     * T(rgb) of the colour channels, as the fuse kernel writes them into the refine input (binary16 with fp16
     * activations, so both sides read the same base).
     */
    private static ImageData toneMapped(ImageData rgba, boolean fp16) {
        ImageData t = ImageData.zeros(rgba.width(), rgba.height(), 3);
        for (int y = 0; y < rgba.height(); y++) {
            for (int x = 0; x < rgba.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    float v = ToneMap.forward(rgba.get(x, y, c));
                    t.set(x, y, c, fp16 ? Perceptual.fp16(v) : v);
                }
            }
        }
        return t;
    }

    /** The clamp cases test something only if the neighbourhood bound changes a fair share of the values. */
    private static void assertClampBinds(ImageData clamped, ImageData free) {
        int changed = 0;
        for (int i = 0; i < clamped.data().length; i++) {
            changed += clamped.data()[i] != free.data()[i] ? 1 : 0;
        }
        assertTrue(changed * 10 >= clamped.data().length, "the clamp binds on only " + changed + " of "
                + clamped.data().length + " values");
    }

    /** What an RGBA16F image keeps of each value (Perceptual.fp16, round to nearest). */
    private static ImageData storedAsFp16(ImageData image) {
        for (int i = 0; i < image.data().length; i++) {
            image.data()[i] = Perceptual.fp16(image.data()[i]);
        }
        return image;
    }

    /**
     * Values (residuals, or filter weights) of magnitude {@code low} to {@code low + spread} either sign,
     * binary16-exact, every seventh value exactly zero.
     */
    private static ImageData residual(Random random, int w, int h, int channels, float low, float spread) {
        ImageData r = ImageData.zeros(w, h, channels);
        for (int i = 0; i < r.data().length; i++) {
            float v = (low + spread * random.nextFloat()) * (random.nextBoolean() ? 1f : -1f);
            r.data()[i] = i % 7 == 3 ? 0f : Float.float16ToFloat(Float.floatToFloat16(v));
        }
        return r;
    }
}
