package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_LAYOUT_GENERAL;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_SAMPLED_BIT;
import static org.lwjgl.vulkan.VK10.VK_IMAGE_USAGE_STORAGE_BIT;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.reference.EnsembleMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * shaders/ensemble_mean.comp against reference/EnsembleMean: 2, 3 and 4 members, odd sizes (edge workgroups, one
 * texel, several groups both ways), fresh binary16 members per case from its own seed, the output NaN-poisoned so a
 * skipped texel fails.
 */
@DeviceTest
class EnsembleMeanKernelTest {

    @ParameterizedTest(name = "{0} members, {1}x{2}, seed {3}")
    @CsvSource({"2, 37, 29, 101", "3, 37, 29, 102", "4, 37, 29, 103", "2, 1, 1, 104", "3, 1, 1, 105", "4, 1, 1, 106",
        "3, 67, 45, 107", "4, 9, 17, 108"})
    void matchesReference(int count, int w, int h, long seed, GpuContext gpu) {
        Random random = new Random(seed);
        try (GpuFixture fx = new GpuFixture(gpu); EnsembleMeanKernel kernel = EnsembleMeanKernel.create(gpu, count)) {
            List<ImageData> members = new ArrayList<>();
            List<ImageView> views = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                ImageData member = memberOutput(random, w, h);
                members.add(member);
                views.add(fx.view(fx.image(member, EyeOutputs.FORMAT,
                        VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, VK_IMAGE_LAYOUT_GENERAL)));
            }
            GpuImage output = fx.poisonedOutput(w, h);
            ImageView outputView = fx.view(output);
            gpu.run(cb -> kernel.record(cb, views, outputView, w, h));
            Comparison.assertClose("ensemble mean of " + count + " (seed " + seed + ")",
                    List.of(EnsembleMean.apply(members)), List.of(fx.download(output)), EnsembleMeanKernel.NMSE,
                    EnsembleMeanKernel.MAX_ABS);
        }
    }

    @Test
    void refusesBadCountsAndSizes(GpuContext gpu) {
        assertThrows(IllegalArgumentException.class, () -> EnsembleMeanKernel.create(gpu, 1));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMeanKernel.create(gpu, 5));
        try (GpuFixture fx = new GpuFixture(gpu); EnsembleMeanKernel kernel = EnsembleMeanKernel.create(gpu, 3)) {
            ImageView small = fx.view(fx.poisonedOutput(4, 4));
            ImageView large = fx.view(fx.poisonedOutput(8, 8));
            // Checked before anything is recorded, so the command buffer stays valid.
            gpu.run(cb -> {
                assertThrows(IllegalArgumentException.class,
                        () -> kernel.record(cb, List.of(large, large), large, 8, 8), "two views for three members");
                assertThrows(IllegalArgumentException.class,
                        () -> kernel.record(cb, List.of(large, small, large), large, 8, 8), "a member too small");
                assertThrows(IllegalArgumentException.class,
                        () -> kernel.record(cb, List.of(large, large, large), small, 8, 8), "the output too small");
            });
        }
    }

    /** A member's output as its image keeps it: binary16 linear RGB in [0, 16), coverage in [0, 1]. */
    private static ImageData memberOutput(Random random, int w, int h) {
        ImageData image = ImageData.zeros(w, h, 4);
        for (int i = 0; i < image.data().length; i++) {
            float v = i % 4 == 3 ? random.nextFloat() : 16f * random.nextFloat();
            image.data()[i] = Float.float16ToFloat(Float.floatToFloat16(v));
        }
        return image;
    }
}
