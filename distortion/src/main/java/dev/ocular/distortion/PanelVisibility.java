package dev.ocular.distortion;

import java.util.BitSet;
import org.joml.Vector2d;

/**
 * Which pixels of one eye's viewport are visible (see {@link EyeProfile}), tested at pixel centres. The distortion pass
 * writes black to the others and may skip them; a GPU pass can upload {@link #toR8()} as a mask image.
 *
 * <p>Immutable after construction; safe to share between threads.
 */
public final class PanelVisibility {
    private final int width;
    private final int height;
    private final BitSet visible;
    private final int count;

    private PanelVisibility(int width, int height, BitSet visible) {
        this.width = width;
        this.height = height;
        this.visible = visible;
        this.count = visible.cardinality();
    }

    /** Evaluates the visibility of every pixel centre of the eye's viewport. */
    public static PanelVisibility compute(EyeProfile eye) {
        int w = eye.widthPx();
        int h = eye.heightPx();
        BitSet bits = new BitSet(w * h);
        Vector2d scratch = new Vector2d();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (eye.visibleAt(x + 0.5, y + 0.5, scratch)) {
                    bits.set(y * w + x);
                }
            }
        }
        return new PanelVisibility(w, h, bits);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether pixel (x, y) of the viewport is visible; false outside the viewport. */
    public boolean isVisible(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && visible.get(y * width + x);
    }

    public int visibleCount() {
        return count;
    }

    /** Visible pixels over all pixels of the viewport. */
    public double visibleFraction() {
        return (double) count / ((double) width * height);
    }

    /** One byte per pixel, row-major from the top row: 255 visible, 0 hidden. */
    public byte[] toR8() {
        byte[] bytes = new byte[width * height];
        for (int i = visible.nextSetBit(0); i >= 0; i = visible.nextSetBit(i + 1)) {
            bytes[i] = (byte) 0xFF;
        }
        return bytes;
    }
}
