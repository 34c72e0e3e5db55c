package dev.ocular.distortion.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.testing.TestLenses;
import java.nio.IntBuffer;
import org.junit.jupiter.api.Test;

class VisibilityBitsTest {

    @Test
    void everyPanelPixelHasItsEyesVisibility() {
        // 2·37 × 29 = 2146 pixels: not a multiple of 32, so the last word is partly used.
        LensProfile profile = TestLenses.dk1Like(37, 29);
        VisibilityBits bits = VisibilityBits.of(profile);
        int visible = 0;
        for (Eye eye : Eye.values()) {
            EyeProfile ep = profile.eye(eye);
            for (int y = 0; y < ep.heightPx(); y++) {
                for (int x = 0; x < ep.widthPx(); x++) {
                    boolean expected = profile.visibility(eye).isVisible(x, y);
                    assertEquals(expected, bits.isVisible(ep.viewportX() + x, y), eye + " (" + x + ", " + y + ")");
                    visible += expected ? 1 : 0;
                }
            }
        }
        IntBuffer words = bits.toBytes().asIntBuffer();
        assertEquals((2 * 37 * 29 + 31) / 32, words.remaining());
        int set = 0;
        while (words.hasRemaining()) {
            set += Integer.bitCount(words.get());
        }
        assertEquals(visible, set, "no bits beyond the visible pixels");
    }
}
