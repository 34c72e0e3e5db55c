package dev.ocular.scenes.render;

import dev.ocular.gpu.frame.ImageData;

/**
 * CPU twin of {@code box_downsample.comp}: each output pixel is the mean of its k×k block, summed row by row in
 * float in the kernel's order. The oracle for {@link BoxDownsample}, and a host-side supersampler in its own right.
 */
public final class BoxDownsampleReference {
    private BoxDownsampleReference() {
    }

    /** {@code source} (width and height multiples of {@code factor}) averaged down by {@code factor}. */
    public static ImageData downsample(ImageData source, int factor) {
        if (factor < 1 || source.width() % factor != 0 || source.height() % factor != 0) {
            throw new IllegalArgumentException("cannot box-downsample " + source.width() + "x" + source.height()
                    + " by " + factor);
        }
        int w = source.width() / factor;
        int h = source.height() / factor;
        int channels = source.channels();
        ImageData out = ImageData.zeros(w, h, channels);
        float norm = factor * factor;
        float[] sum = new float[channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                java.util.Arrays.fill(sum, 0f);
                for (int sy = 0; sy < factor; sy++) {
                    for (int sx = 0; sx < factor; sx++) {
                        for (int c = 0; c < channels; c++) {
                            sum[c] += source.get(x * factor + sx, y * factor + sy, c);
                        }
                    }
                }
                for (int c = 0; c < channels; c++) {
                    out.set(x, y, c, sum[c] / norm);
                }
            }
        }
        return out;
    }
}
