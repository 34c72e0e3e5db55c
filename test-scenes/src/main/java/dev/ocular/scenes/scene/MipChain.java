package dev.ocular.scenes.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * The full mip chain of a texture down to 1×1, by 2×2 box filtering (odd sizes clamp the last row/column). sRGB
 * textures are averaged in linear light and re-encoded, so distant surfaces keep their true brightness. Deterministic:
 * pure integer/float arithmetic in fixed order.
 */
public final class MipChain {
    private MipChain() {
    }

    /** Level 0 is the texture itself; each level halves width and height (rounding down, minimum 1). */
    public static List<byte[]> build(Texture texture) {
        List<byte[]> levels = new ArrayList<>();
        byte[] level = texture.rgba();
        int w = texture.width();
        int h = texture.height();
        levels.add(level);
        float[] toLinear = decodeTable(texture.srgb());
        while (w > 1 || h > 1) {
            int nw = Math.max(1, w / 2);
            int nh = Math.max(1, h / 2);
            level = halve(level, w, h, nw, nh, toLinear, texture.srgb());
            levels.add(level);
            w = nw;
            h = nh;
        }
        return levels;
    }

    public static int levelCount(int width, int height) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(width, height));
    }

    private static byte[] halve(byte[] src, int w, int h, int nw, int nh, float[] toLinear, boolean srgb) {
        byte[] dst = new byte[nw * nh * 4];
        for (int y = 0; y < nh; y++) {
            int y0 = Math.min(2 * y, h - 1);
            int y1 = Math.min(2 * y + 1, h - 1);
            for (int x = 0; x < nw; x++) {
                int x0 = Math.min(2 * x, w - 1);
                int x1 = Math.min(2 * x + 1, w - 1);
                for (int c = 0; c < 4; c++) {
                    float[] table = c == 3 ? decodeTable(false) : toLinear;
                    float sum = table[src[(y0 * w + x0) * 4 + c] & 0xFF] + table[src[(y0 * w + x1) * 4 + c] & 0xFF]
                            + table[src[(y1 * w + x0) * 4 + c] & 0xFF] + table[src[(y1 * w + x1) * 4 + c] & 0xFF];
                    float mean = sum * 0.25f;
                    dst[(y * nw + x) * 4 + c] = (byte) encode(mean, srgb && c != 3);
                }
            }
        }
        return dst;
    }

    private static final float[] LINEAR = decode(false);
    private static final float[] SRGB = decode(true);

    private static float[] decodeTable(boolean srgb) {
        return srgb ? SRGB : LINEAR;
    }

    private static float[] decode(boolean srgb) {
        float[] t = new float[256];
        for (int i = 0; i < 256; i++) {
            t[i] = srgb ? (float) ColourSpace.srgbToLinear(i / 255.0) : i / 255f;
        }
        return t;
    }

    private static int encode(float linear, boolean srgb) {
        double v = srgb ? ColourSpace.linearToSrgb(linear) : linear;
        return (int) Math.round(Math.min(Math.max(v, 0), 1) * 255);
    }
}
