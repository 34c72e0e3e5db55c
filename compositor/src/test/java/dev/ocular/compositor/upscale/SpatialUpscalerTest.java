package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code spatial_upsample.comp} + {@code spatial_sharpen.comp} against {@link SpatialReference}, two frames. */
@DeviceTest
class SpatialUpscalerTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}, sharpness {4}")
    @CsvSource({"37, 23, 63, 39, 0.25", "19, 31, 57, 93, 1.0", "40, 30, 40, 30, 0.25", "21, 17, 31, 25, 0.0",
            "1, 1, 3, 3, 0.5"})
    void matchesCpuTwin(int w, int h, int ow, int oh, float sharpness, GpuContext gpu) {
        Random random = new Random(w * 6151L + h * 37L + ow);
        SpatialSettings settings = new SpatialSettings(1.0f, sharpness, 0.25f);
        ImageTransfer io = new ImageTransfer(gpu);
        try (GpuImage out = gpu.image(ImageSpec.of(ow, oh, VK_FORMAT_R16G16B16A16_SFLOAT,
                    VK_IMAGE_USAGE_STORAGE_BIT));
                SpatialUpscaler spatial = SpatialUpscaler.create(gpu, settings)) {
            for (int frame = 0; frame < 2; frame++) {
                GBufferData g = TaauUpscalerTest.randomFrame(random, w, h);
                ImageData expected = SpatialReference.upscale(g.colour(), g.jitterX(), g.jitterY(), ow, oh, settings);
                try (GpuImage c = io.upload(g.colour(), VK_FORMAT_R16G16B16A16_SFLOAT, VK_IMAGE_USAGE_SAMPLED_BIT,
                            VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
                        GpuImage d = io.upload(g.depth(), VK_FORMAT_R32_SFLOAT, VK_IMAGE_USAGE_SAMPLED_BIT,
                                VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
                        GpuImage m = io.upload(g.motion(), VK_FORMAT_R16G16_SFLOAT, VK_IMAGE_USAGE_SAMPLED_BIT,
                                VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)) {
                    EyeJob job = new EyeJob(0, new EyeGBuffer(c, d, m, 0, g.jitterX(), g.jitterY()), out, false,
                            0.5f, 0.5f, 0.5f);
                    TaauUpscalerTest.runPoisoned(gpu, new GpuImage[] {out},
                            cb -> spatial.record(cb, List.of(job), StageTimer.NONE));
                }
                ErrorStats stats = ErrorStats.compare(expected.data(), io.download(out).data());
                assertTrue(stats.within(SpatialUpscaler.NMSE, SpatialUpscaler.MAX_ABS), "spatial " + w + "x" + h
                        + "->" + ow + "x" + oh + " sharpness " + sharpness + " frame " + frame + ": " + stats);
            }
        }
    }
}
