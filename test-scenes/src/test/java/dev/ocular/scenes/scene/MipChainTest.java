package dev.ocular.scenes.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MipChainTest {
    @Test
    void chainRunsDownToOneTexelWithOddSizes() {
        Texture t = new Canvas(13, 6).fill(0.5f, 0.25f, 1f, 1f).toTexture("odd", false);
        List<byte[]> levels = MipChain.build(t);
        int[][] sizes = {{13, 6}, {6, 3}, {3, 1}, {1, 1}};
        assertEquals(sizes.length, levels.size());
        assertEquals(MipChain.levelCount(13, 6), levels.size());
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(sizes[i][0] * sizes[i][1] * 4, levels.get(i).length, "level " + i);
        }
        assertEquals(Math.round(0.25f * 255), levels.get(3)[1] & 0xFF, "a flat texture stays flat");
    }

    @Test
    void srgbTexturesAverageInLinearLight() {
        // A black/white checker averages to linear 0.5, which sRGB encodes as 188, not 128.
        byte[] rgba = new byte[2 * 2 * 4];
        for (int i = 0; i < 4; i++) {
            byte v = (byte) ((i == 0 || i == 3) ? 255 : 0);
            rgba[4 * i] = v;
            rgba[4 * i + 1] = v;
            rgba[4 * i + 2] = v;
            rgba[4 * i + 3] = (byte) 255;
        }
        assertEquals(188, MipChain.build(new Texture("c", 2, 2, rgba, true)).get(1)[0] & 0xFF);
        assertEquals(128, MipChain.build(new Texture("c", 2, 2, rgba, false)).get(1)[0] & 0xFF);
        assertEquals(255, MipChain.build(new Texture("c", 2, 2, rgba, true)).get(1)[3] & 0xFF, "alpha is linear");
    }
}
