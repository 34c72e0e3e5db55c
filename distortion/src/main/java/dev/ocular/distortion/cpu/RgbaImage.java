package dev.ocular.distortion.cpu;

/**
 * A float RGBA image, row-major from the top row, four floats per pixel. The image owns its array; {@link #data()}
 * exposes it for fast filling and reading.
 *
 * <p>Sampling convention, shared with the GPU pass: texture coordinate (u, v) ∈ [0, 1]² with u = 0 at the left edge of
 * column 0 and v = 0 at the top edge of row 0; texel (i, j) has its centre at ((i + 0.5)/w, (j + 0.5)/h). Bilinear
 * filtering between the four nearest texel centres; texels outside the image are transparent black (0, 0, 0, 0), as a
 * Vulkan sampler with {@code CLAMP_TO_BORDER} and {@code FLOAT_TRANSPARENT_BLACK}.
 *
 * <p>Not thread-safe for concurrent writes.
 */
public final class RgbaImage {
    private final int width;
    private final int height;
    private final float[] data;

    public RgbaImage(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.data = new float[Math.multiplyExact(Math.multiplyExact(width, height), 4)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live pixel array: index (y * width + x) * 4 + channel. */
    public float[] data() {
        return data;
    }

    public float get(int x, int y, int channel) {
        return data[(y * width + x) * 4 + channel];
    }

    public void set(int x, int y, int channel, float value) {
        data[(y * width + x) * 4 + channel] = value;
    }

    public void set(int x, int y, float r, float g, float b, float a) {
        int i = (y * width + x) * 4;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = a;
    }

    /** Bilinear sample of one channel at texture coordinate (u, v), transparent black outside (see class comment). */
    public double sample(double u, double v, int channel) {
        double x = u * width - 0.5;
        double y = v * height - 0.5;
        if (!(x > -1.0 && y > -1.0 && x < width && y < height)) {
            // Also rejects NaN: no texel of the footprint is inside.
            return 0.0;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = lerp(texel(x0, y0, channel), texel(x0 + 1, y0, channel), fx);
        double bottom = lerp(texel(x0, y0 + 1, channel), texel(x0 + 1, y0 + 1, channel), fx);
        return lerp(top, bottom, fy);
    }

    private double texel(int x, int y, int channel) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0.0;
        }
        return data[(y * width + x) * 4 + channel];
    }

    private static double lerp(double a, double b, double t) {
        return a + t * (b - a);
    }
}
