package dev.ocular.distortion.cpu;

/**
 * A test chart for the distortion pass: white straight lines on a dark background, evenly spaced in the render image
 * and so evenly spaced in tangent space, i.e. straight lines in the world. Distorted for the panel they bow; seen
 * through the lens they are straight again. Lines through the image centre are drawn in every case so the optical
 * axis region is never empty.
 */
public final class GridImage {
    private static final float BACKGROUND = 0.08f;

    private GridImage() {
    }

    /**
     * @param cells grid cells across the longer side
     * @param lineWidthPx line thickness in texels
     */
    public static RgbaImage create(int width, int height, int cells, double lineWidthPx) {
        if (cells < 1 || !(lineWidthPx > 0.0)) {
            throw new IllegalArgumentException("need at least one cell and a positive line width");
        }
        RgbaImage image = new RgbaImage(width, height);
        double spacing = (double) Math.max(width, height) / cells;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cover = Math.max(coverage(x + 0.5 - 0.5 * width, spacing, lineWidthPx),
                        coverage(y + 0.5 - 0.5 * height, spacing, lineWidthPx));
                float value = (float) (BACKGROUND + (1.0 - BACKGROUND) * cover);
                image.set(x, y, value, value, value, 1f);
            }
        }
        return image;
    }

    /** Fraction of a texel at signed offset {@code d} from the centre line covered by the nearest grid line. */
    private static double coverage(double d, double spacing, double lineWidth) {
        double distance = Math.abs(d - spacing * Math.rint(d / spacing));
        return Math.max(0.0, Math.min(1.0, 0.5 * lineWidth + 0.5 - distance));
    }
}
