package dev.ocular.distortion.mesh;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import java.util.BitSet;
import org.joml.Vector2d;

/**
 * Which texels of an eye's render image the distortion pass can ever read, so that rendering, upscaling and other
 * upstream stages can skip the rest (OpenXR calls the complement the hidden-area mesh).
 *
 * <p>A texel is needed when, for some channel, its centre's render direction comes from a visible panel position
 * (exact inverse of the lens model, then the eye's visibility test); the set is then grown by one texel in every
 * direction because bilinear sampling near such a direction also reads the neighbours. Texture coordinates follow
 * {@link Fov}: u = 0 at the left edge, v = 0 at the top edge.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class HiddenAreaMask {
    private final int width;
    private final int height;
    private final BitSet needed;

    private HiddenAreaMask(int width, int height, BitSet needed) {
        this.width = width;
        this.height = height;
        this.needed = needed;
    }

    /** Computes the mask for a render image of {@code width} × {@code height} texels. */
    public static HiddenAreaMask compute(EyeProfile eye, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("render size must be positive, got " + width + "×" + height);
        }
        Fov fov = eye.fov();
        BitSet hit = new BitSet(width * height);
        Vector2d panel = new Vector2d();
        Vector2d scratch = new Vector2d();
        for (int y = 0; y < height; y++) {
            double renderY = fov.fromV((y + 0.5) / height);
            for (int x = 0; x < width; x++) {
                double renderX = fov.fromU((x + 0.5) / width);
                for (Channel channel : Channel.values()) {
                    if (eye.model().renderToPanel(channel, renderX, renderY, panel)
                            && eye.visibleAt(panel.x, panel.y, scratch)) {
                        hit.set(y * width + x);
                        break;
                    }
                }
            }
        }
        return new HiddenAreaMask(width, height, dilate(hit, width, height));
    }

    private static BitSet dilate(BitSet hit, int width, int height) {
        BitSet grown = new BitSet(width * height);
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
            int x = i % width;
            int y = i / width;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                        grown.set(ny * width + nx);
                    }
                }
            }
        }
        return grown;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether texel (x, y) of the render image may be read by the distortion pass. */
    public boolean isNeeded(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && needed.get(y * width + x);
    }

    /** Needed texels over all texels. */
    public double neededFraction() {
        return (double) needed.cardinality() / ((double) width * height);
    }

    /** One byte per texel, row-major from the top row: 255 needed, 0 hidden. */
    public byte[] toR8() {
        byte[] bytes = new byte[width * height];
        for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
            bytes[i] = (byte) 0xFF;
        }
        return bytes;
    }

    /**
     * The hidden texels as triangles in texture coordinates, six (u, v) pairs per row run of hidden texels (two
     * triangles covering it); the union is exactly the hidden texels. Convert to render directions with
     * {@link Fov#fromU}/{@link Fov#fromV} for an OpenXR-style visibility mask.
     */
    public float[] hiddenTriangles() {
        FloatList out = new FloatList();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (needed.get(y * width + x)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && !needed.get(y * width + x)) {
                    x++;
                }
                float u0 = (float) start / width;
                float u1 = (float) x / width;
                float v0 = (float) y / height;
                float v1 = (float) (y + 1) / height;
                out.add(u0, v0, u1, v0, u1, v1);
                out.add(u0, v0, u1, v1, u0, v1);
            }
        }
        return out.toArray();
    }

    /** A growable float array, to avoid boxing thousands of coordinates. */
    private static final class FloatList {
        private float[] data = new float[256];
        private int size;

        void add(float... values) {
            if (size + values.length > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(2 * data.length, size + values.length));
            }
            System.arraycopy(values, 0, data, size, values.length);
            size += values.length;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
