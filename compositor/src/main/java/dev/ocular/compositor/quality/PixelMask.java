package dev.ocular.compositor.quality;

/**
 * Which pixels of a width × height image a metric pools over. Metrics filter the whole image first and pool the
 * per-pixel result over the mask afterwards, so a region never gets artificial borders.
 *
 * @param inside row-major, row 0 at the top (docs/conventions.md); owned by this record, do not modify
 */
public record PixelMask(int width, int height, boolean[] inside) {
    public PixelMask {
        if (width <= 0 || height <= 0 || inside.length != width * height) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " with " + inside.length + " entries");
        }
    }

    /** Every pixel. */
    public static PixelMask all(int width, int height) {
        boolean[] in = new boolean[width * height];
        java.util.Arrays.fill(in, true);
        return new PixelMask(width, height, in);
    }

    /**
     * Pixels whose centre lies within {@code radius} of ({@code centreU}, {@code centreV}), all in normalised image
     * coordinates (UV = (x + 0.5) / width, (y + 0.5) / height — the convention EyeJob's lens centre and radius use).
     * On a non-square image the region is therefore an ellipse in pixels, matching the lens's UV footprint.
     */
    public static PixelMask disc(int width, int height, double centreU, double centreV, double radius) {
        boolean[] in = new boolean[width * height];
        double r2 = radius * radius;
        for (int y = 0; y < height; y++) {
            double dv = (y + 0.5) / height - centreV;
            for (int x = 0; x < width; x++) {
                double du = (x + 0.5) / width - centreU;
                in[y * width + x] = du * du + dv * dv <= r2;
            }
        }
        return new PixelMask(width, height, in);
    }

    public PixelMask complement() {
        boolean[] in = new boolean[inside.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = !inside[i];
        }
        return new PixelMask(width, height, in);
    }

    public boolean contains(int x, int y) {
        return inside[y * width + x];
    }

    public int count() {
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Throws unless this mask fits an image of the given size. */
    public void requireSize(int w, int h) {
        if (w != width || h != height) {
            throw new IllegalArgumentException("mask is " + width + "x" + height + ", image is " + w + "x" + h);
        }
    }
}
