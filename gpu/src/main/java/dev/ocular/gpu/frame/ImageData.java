package dev.ocular.gpu.frame;

import java.util.Arrays;

/**
 * A float image on the host: row-major, row 0 at the top (Vulkan's framebuffer origin), channels interleaved.
 * The CPU-side currency between scenes, upscalers, metrics and files. {@code data} is shared, not copied: treat it
 * as owned by whoever made this record.
 */
public record ImageData(int width, int height, int channels, float[] data) {
    public ImageData {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad image shape " + width + "x" + height + "x" + channels);
        }
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("data length " + data.length + " != " + width + "x" + height + "x"
                    + channels);
        }
    }

    public static ImageData zeros(int width, int height, int channels) {
        return new ImageData(width, height, channels, new float[width * height * channels]);
    }

    /** Filled with NaN: outputs that a kernel forgets to write stay visibly wrong. */
    public static ImageData poisoned(int width, int height, int channels) {
        float[] data = new float[width * height * channels];
        Arrays.fill(data, Float.NaN);
        return new ImageData(width, height, channels, data);
    }

    public int index(int x, int y, int c) {
        return (y * width + x) * channels + c;
    }

    public float get(int x, int y, int c) {
        return data[index(x, y, c)];
    }

    public void set(int x, int y, int c, float value) {
        data[index(x, y, c)] = value;
    }

    /** The value at (x, y) with coordinates clamped to the image (edge extension). */
    public float clamped(int x, int y, int c) {
        int cx = Math.min(Math.max(x, 0), width - 1);
        int cy = Math.min(Math.max(y, 0), height - 1);
        return data[(cy * width + cx) * channels + c];
    }

    public ImageData copy() {
        return new ImageData(width, height, channels, data.clone());
    }
}
