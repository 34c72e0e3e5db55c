package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-eye sharpening stage vs its CPU twin, in place on odd-sized random outputs. */
@DeviceTest
class SharpenStageTest {
    @ParameterizedTest(name = "{0}x{1} sharpness {2}")
    @CsvSource({"37, 23, 0.25", "64, 9, 1.0", "1, 1, 0.5", "50, 41, 0.05"})
    void matchesCpuTwin(int w, int h, float sharpness, GpuContext gpu) {
        Random random = new Random(w * 31L + h + (long) (sharpness * 100));
        ImageData input = ImageData.zeros(w, h, 4);
        for (int i = 0; i < input.data().length; i++) {
            input.data()[i] = random.nextFloat() * 3f;
        }
        input = ImageTransfer.rounded(input, VK_FORMAT_R16G16B16A16_SFLOAT);
        ImageData expected = SpatialReference.sharpen(input, SharpenStage.settings(sharpness));
        ImageTransfer io = new ImageTransfer(gpu);
        try (GpuImage output = io.upload(input, VK_FORMAT_R16G16B16A16_SFLOAT, VK_IMAGE_USAGE_STORAGE_BIT,
                    VK_IMAGE_LAYOUT_GENERAL);
                SharpenStage stage = SharpenStage.create(gpu)) {
            gpu.run(cb -> {
                stage.record(cb, 0, output, sharpness, StageTimer.NONE);
                cb.transition(output, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_READ_BIT);
            });
            // The stage writes every texel of the output it reads from a copy: compare the whole image.
            ErrorStats stats = ErrorStats.compare(expected.data(), io.download(output).data());
            assertTrue(stats.within(SpatialUpscaler.NMSE, SpatialUpscaler.MAX_ABS),
                    "sharpen " + w + "x" + h + " at " + sharpness + ": " + stats);
        }
    }
}
