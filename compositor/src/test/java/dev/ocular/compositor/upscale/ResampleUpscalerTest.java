package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkClearColorValue;
import org.lwjgl.vulkan.VkImageSubresourceRange;

@DeviceTest
class ResampleUpscalerTest {

    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @CsvSource({"BILINEAR, 37, 23, 63, 39", "BICUBIC, 37, 23, 74, 46", "LANCZOS, 19, 31, 57, 93",
            "BICUBIC, 1, 1, 3, 3", "LANCZOS, 40, 30, 40, 30"})
    void matchesCpuTwin(Method method, int w, int h, int ow, int oh, GpuContext gpu) {
        Random random = new Random(w * 131L + h * 7L + ow + method.ordinal());
        ImageData colour = ImageData.zeros(w, h, 4);
        for (int i = 0; i < colour.data().length; i++) {
            colour.data()[i] = random.nextFloat() * 4f;
        }
        colour = ImageTransfer.rounded(colour, VK_FORMAT_R16G16B16A16_SFLOAT);
        float jx = random.nextFloat() - 0.5f;
        float jy = random.nextFloat() - 0.5f;
        ImageData expected = ClassicResample.upscale(colour, jx, jy, ow, oh, ResampleUpscaler.kernelFor(method));

        ImageTransfer io = new ImageTransfer(gpu);
        int sampled = VK_IMAGE_USAGE_SAMPLED_BIT;
        try (GpuImage in = io.upload(colour, VK_FORMAT_R16G16B16A16_SFLOAT, sampled,
                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
                GpuImage depth = io.upload(ImageData.zeros(w, h, 1), VK_FORMAT_R32_SFLOAT, sampled,
                        VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
                GpuImage motion = io.upload(ImageData.zeros(w, h, 2), VK_FORMAT_R16G16_SFLOAT, sampled,
                        VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
                GpuImage out = gpu.image(ImageSpec.of(ow, oh, VK_FORMAT_R16G16B16A16_SFLOAT,
                        VK_IMAGE_USAGE_STORAGE_BIT));
                ResampleUpscaler upscaler = ResampleUpscaler.create(gpu, method)) {
            EyeGBuffer g = new EyeGBuffer(in, depth, motion, 0, jx, jy);
            gpu.run(cb -> {
                cb.transition(out, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, 0,
                        VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
                poison(cb.handle(), out);
                cb.transition(out, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                        VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
                upscaler.record(cb, List.of(new EyeJob(0, g, out, false, 0.5f, 0.5f, 0.5f)), StageTimer.NONE);
                cb.transition(out, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_READ_BIT);
            });
            ImageData actual = io.download(out);
            ErrorStats stats = ErrorStats.compare(expected.data(), actual.data());
            assertTrue(stats.within(ResampleUpscaler.NMSE, ResampleUpscaler.MAX_ABS),
                    method + " " + w + "x" + h + "->" + ow + "x" + oh + ": " + stats);
        }
    }

    /** Fills the image with NaN so any texel the kernel fails to write shows up as non-finite. */
    static void poison(org.lwjgl.vulkan.VkCommandBuffer cb, GpuImage image) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkClearColorValue nan = VkClearColorValue.calloc(stack);
            for (int c = 0; c < 4; c++) {
                nan.float32(c, Float.NaN);
            }
            vkCmdClearColorImage(cb, image.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, nan,
                    VkImageSubresourceRange.calloc(stack).aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1)
                            .layerCount(1));
        }
    }
}
