package dev.ocular.scenes.scene;

import dev.ocular.gpu.frame.ImageData;

/**
 * A linear-light RGBA float raster for painting procedural textures and test patterns: anti-aliased rectangles
 * (exact area coverage), discs, text from {@link BitmapFont}, and per-pixel functions. Paint operations composite
 * "over" what is there. Row 0 is the top.
 */
public final class Canvas {
    /** A colour per pixel, given the pixel's continuous coordinates (centre at x + 0.5, y + 0.5). */
    @FunctionalInterface
    public interface Shader {
        /** Writes linear RGBA into {@code out}. */
        void shade(double x, double y, float[] out);
    }

    private final int width;
    private final int height;
    private final float[] rgba;

    public Canvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("canvas must be non-empty, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgba = new float[width * height * 4];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Canvas fill(float r, float g, float b, float a) {
        for (int i = 0; i < width * height; i++) {
            rgba[4 * i] = r;
            rgba[4 * i + 1] = g;
            rgba[4 * i + 2] = b;
            rgba[4 * i + 3] = a;
        }
        return this;
    }

    /** Composites {@code colour} (linear RGBA) over pixel (x, y) with extra coverage {@code coverage}. */
    public void blend(int x, int y, float[] colour, double coverage) {
        if (x < 0 || y < 0 || x >= width || y >= height || coverage <= 0) {
            return;
        }
        float a = (float) (Math.min(coverage, 1) * colour[3]);
        int i = (y * width + x) * 4;
        for (int c = 0; c < 3; c++) {
            rgba[i + c] = rgba[i + c] * (1 - a) + colour[c] * a;
        }
        rgba[i + 3] = rgba[i + 3] * (1 - a) + a;
    }

    /** The rectangle [x0, x1) × [y0, y1) in continuous pixel coordinates, edges anti-aliased by exact coverage. */
    public Canvas rect(double x0, double y0, double x1, double y1, float[] colour) {
        int ix0 = (int) Math.floor(Math.max(x0, 0));
        int iy0 = (int) Math.floor(Math.max(y0, 0));
        int ix1 = (int) Math.ceil(Math.min(x1, width));
        int iy1 = (int) Math.ceil(Math.min(y1, height));
        for (int y = iy0; y < iy1; y++) {
            double cy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = ix0; x < ix1; x++) {
                double cx = Math.min(x + 1, x1) - Math.max(x, x0);
                blend(x, y, colour, cx * cy);
            }
        }
        return this;
    }

    /** A disc, anti-aliased with 4×4 samples per edge pixel. */
    public Canvas disc(double cx, double cy, double radius, float[] colour) {
        int x0 = (int) Math.floor(cx - radius - 1);
        int x1 = (int) Math.ceil(cx + radius + 1);
        int y0 = (int) Math.floor(cy - radius - 1);
        int y1 = (int) Math.ceil(cy + radius + 1);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int inside = 0;
                for (int s = 0; s < 16; s++) {
                    double sx = x + (s % 4 + 0.5) / 4 - cx;
                    double sy = y + (s / 4 + 0.5) / 4 - cy;
                    if (sx * sx + sy * sy <= radius * radius) {
                        inside++;
                    }
                }
                blend(x, y, colour, inside / 16.0);
            }
        }
        return this;
    }

    /** Draws {@code text} with its top-left at (x, y); each font cell is {@code cell} pixels square. */
    public Canvas text(String text, double x, double y, double cell, float[] colour) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            double gx = x + i * BitmapFont.ADVANCE * cell;
            for (int col = 0; col < BitmapFont.GLYPH_WIDTH; col++) {
                for (int row = 0; row < BitmapFont.GLYPH_HEIGHT; row++) {
                    if (BitmapFont.lit(ch, col, row)) {
                        rect(gx + col * cell, y + row * cell, gx + (col + 1) * cell, y + (row + 1) * cell, colour);
                    }
                }
            }
        }
        return this;
    }

    /**
     * Replaces every pixel by the mean of {@code samples}² evaluations of {@code shader} spread over the pixel: a box
     * filtered, alias-free rendering of analytic patterns (zone plates, stars, wedges).
     */
    public Canvas paint(Shader shader, int samples) {
        float[] out = new float[4];
        float[] sum = new float[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                java.util.Arrays.fill(sum, 0);
                for (int sy = 0; sy < samples; sy++) {
                    for (int sx = 0; sx < samples; sx++) {
                        shader.shade(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples, out);
                        for (int c = 0; c < 4; c++) {
                            sum[c] += out[c];
                        }
                    }
                }
                int i = (y * width + x) * 4;
                for (int c = 0; c < 4; c++) {
                    rgba[i + c] = sum[c] / (samples * samples);
                }
            }
        }
        return this;
    }

    public float get(int x, int y, int channel) {
        return rgba[(y * width + x) * 4 + channel];
    }

    /** A copy as a host image (linear RGBA). */
    public ImageData toImage() {
        return new ImageData(width, height, 4, rgba.clone());
    }

    /** Quantises to RGBA8: colour sRGB-encoded when {@code srgb}, alpha always linear. */
    public Texture toTexture(String name, boolean srgb) {
        byte[] bytes = new byte[width * height * 4];
        for (int i = 0; i < width * height; i++) {
            for (int c = 0; c < 4; c++) {
                double v = Math.min(Math.max(rgba[4 * i + c], 0), 1);
                double encoded = srgb && c < 3 ? ColourSpace.linearToSrgb(v) : v;
                bytes[4 * i + c] = (byte) Math.round(encoded * 255);
            }
        }
        return new Texture(name, width, height, bytes, srgb);
    }

    /** A colour array (linear RGBA) for the paint calls. */
    public static float[] rgba(float r, float g, float b, float a) {
        return new float[] {r, g, b, a};
    }
}
