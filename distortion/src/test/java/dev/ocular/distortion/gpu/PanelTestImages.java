package dev.ocular.distortion.gpu;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.distortion.cpu.RgbaImage;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import java.util.SplittableRandom;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkClearColorValue;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkImageSubresourceRange;

/** Eye images for the GPU-vs-CPU comparisons, and NaN poisoning of outputs. */
final class PanelTestImages {
    private PanelTestImages() {
    }

    /**
     * A smooth eye image, different in every channel and for every seed, fading to zero at the edges (so the step to
     * the transparent border stays small), rounded to fp16 as the GPU will hold it. Waves of 1–2 cycles across the
     * image: a sample that lands half a texel off changes by far more than the tolerance, rounding noise does not.
     */
    static ImageData smooth(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] frequency = new double[6];
        double[] phase = new double[6];
        for (int i = 0; i < 6; i++) {
            frequency[i] = 2.0 * Math.PI * (1.0 + random.nextDouble());
            phase[i] = 2.0 * Math.PI * random.nextDouble();
        }
        ImageData image = ImageData.zeros(width, height, 4);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width;
                double v = (y + 0.5) / height;
                double window = Math.sin(Math.PI * u) * Math.sin(Math.PI * v);
                for (int c = 0; c < 3; c++) {
                    double wave = 0.5 + 0.25 * Math.sin(frequency[2 * c] * u + phase[2 * c])
                            + 0.25 * Math.sin(frequency[2 * c + 1] * v + phase[2 * c + 1]);
                    image.set(x, y, c, (float) (window * wave));
                }
                image.set(x, y, 3, 1f);
            }
        }
        return ImageTransfer.rounded(image, VK_FORMAT_R16G16B16A16_SFLOAT);
    }

    /** Largest difference between horizontally or vertically neighbouring texels, over the colour channels. */
    static double maxNeighbourStep(ImageData image) {
        double worst = 0.0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    if (x + 1 < image.width()) {
                        worst = Math.max(worst, Math.abs(image.get(x + 1, y, c) - image.get(x, y, c)));
                    }
                    if (y + 1 < image.height()) {
                        worst = Math.max(worst, Math.abs(image.get(x, y + 1, c) - image.get(x, y, c)));
                    }
                }
            }
        }
        return worst;
    }

    /** The same pixels as the CPU pass's image type. */
    static RgbaImage toRgba(ImageData image) {
        RgbaImage rgba = new RgbaImage(image.width(), image.height());
        System.arraycopy(image.data(), 0, rgba.data(), 0, image.data().length);
        return rgba;
    }

    /** Fills every texel of an image in TRANSFER_DST layout with NaN, so any pixel a pass leaves unwritten shows. */
    static void poison(VkCommandBuffer cb, GpuImage image) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkClearColorValue nan = VkClearColorValue.calloc(stack);
            for (int c = 0; c < 4; c++) {
                nan.float32(c, Float.NaN);
            }
            vkCmdClearColorImage(cb, image.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, nan,
                    VkImageSubresourceRange.calloc(stack).aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1)
                            .layerCount(image.spec().layers()));
        }
    }
}
