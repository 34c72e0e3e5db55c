package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.ImageData;

/**
 * A float tensor in planar layout, channel-major: value (c, x, y) at {@code data[(c · height + y) · width + x]}. The
 * trainer keeps activations this way because every convolution tap then becomes a contiguous multiply-add over a row
 * (a loop the JIT vectorises), where the interleaved {@link ImageData} layout would stride by the channel count.
 * {@code data} is shared, not copied: owned by whoever made the record.
 */
public record Planes(int channels, int width, int height, float[] data) {
    public Planes {
        if (channels <= 0 || width <= 0 || height <= 0 || data.length != channels * width * height) {
            throw new IllegalArgumentException("planes " + channels + "x" + width + "x" + height + " with "
                    + data.length + " values");
        }
    }

    public static Planes zeros(int channels, int width, int height) {
        return new Planes(channels, width, height, new float[channels * width * height]);
    }

    /** Planar copy of an interleaved image. */
    public static Planes of(ImageData image) {
        Planes p = zeros(image.channels(), image.width(), image.height());
        p.copyFrom(image);
        return p;
    }

    /** Overwrites this tensor with an interleaved image of the same shape. */
    public void copyFrom(ImageData image) {
        if (image.channels() != channels || image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("image " + image.width() + "x" + image.height() + "x"
                    + image.channels() + " does not fit planes " + channels + "x" + width + "x" + height);
        }
        float[] src = image.data();
        int pixels = width * height;
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                data[base + i] = src[i * channels + c];
            }
        }
    }

    /** Interleaved copy, for comparing with the reference ops. */
    public ImageData toImage() {
        ImageData out = ImageData.zeros(width, height, channels);
        float[] dst = out.data();
        int pixels = width * height;
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                dst[i * channels + c] = data[base + i];
            }
        }
        return out;
    }

    public int planeSize() {
        return width * height;
    }

    public float get(int c, int x, int y) {
        return data[(c * height + y) * width + x];
    }

    /** Whether {@code other} has the same shape. */
    public boolean sameShape(Planes other) {
        return channels == other.channels && width == other.width && height == other.height;
    }
}
