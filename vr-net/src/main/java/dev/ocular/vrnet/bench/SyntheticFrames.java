package dev.ocular.vrnet.bench;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.util.Random;

/**
 * Seeded random inputs for tests and benchmarks: G-buffers whose values are exactly representable in the formats a
 * renderer hands over (RGBA16F colour, RG16F motion), so the GPU paths see the same numbers as the reference. Noise,
 * not scenes: it exercises every branch (HDR colour, motion pointing outside the image, any jitter) but says nothing
 * about image quality.
 */
public final class SyntheticFrames {
    private SyntheticFrames() {
    }

    /** Colour in [0, 4) (alpha in [0, 1)), depth in [0, 1), motion in [−3, 3) px, jitter in [−0.5, 0.5). */
    public static GBufferData gbuffer(Random random, int width, int height) {
        ImageData colour = ImageData.zeros(width, height, 4);
        for (int i = 0; i < colour.data().length; i++) {
            colour.data()[i] = half(random.nextFloat() * ((i & 3) == 3 ? 1f : 4f));
        }
        ImageData depth = uniform(random, width, height, 1, 0f, 1f);
        ImageData motion = uniform(random, width, height, 2, -3f, 3f);
        return new GBufferData(colour, depth, motion, half(random.nextFloat() - 0.5f), half(random.nextFloat() - 0.5f));
    }

    /** Values uniform in [lo, hi), rounded to binary16. */
    public static ImageData uniform(Random random, int width, int height, int channels, float lo, float hi) {
        ImageData image = ImageData.zeros(width, height, channels);
        for (int i = 0; i < image.data().length; i++) {
            image.data()[i] = half(lo + (hi - lo) * random.nextFloat());
        }
        return image;
    }

    private static float half(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(v));
    }
}
