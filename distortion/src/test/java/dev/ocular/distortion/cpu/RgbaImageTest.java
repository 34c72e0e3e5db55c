package dev.ocular.distortion.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sampling convention the GPU pass must match: texel centres at +0.5, bilinear, transparent black outside. */
class RgbaImageTest {
    private static RgbaImage ramp() {
        RgbaImage image = new RgbaImage(4, 2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                image.set(x, y, x + 10 * y, 1f, 0.5f, 1f);
            }
        }
        return image;
    }

    @Test
    void texelCentresReturnTheTexel() {
        RgbaImage image = ramp();
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(x + 10 * y, image.sample((x + 0.5) / 4, (y + 0.5) / 2, 0), 1e-12);
            }
        }
    }

    @Test
    void betweenCentresIsBilinear() {
        RgbaImage image = ramp();
        // Halfway between texels (1, 0), (2, 0), (1, 1), (2, 1).
        assertEquals((1 + 2 + 11 + 12) / 4.0, image.sample(2.0 / 4, 1.0 / 2, 0), 1e-12);
        // A quarter of the way from (0, 0) to (1, 0).
        assertEquals(0.25, image.sample((0.5 + 0.25) / 4, 0.5 / 2, 0), 1e-12);
    }

    @Test
    void outsideTheImageIsTransparentBlack() {
        RgbaImage image = ramp();
        // The left edge of texel 0 blends it half-and-half with the black border.
        assertEquals(0.5 * 1.0, image.sample(0.0, 0.5 / 2, 1), 1e-12);
        assertEquals(0.0, image.sample(-0.5, 0.25, 1), 0.0);
        assertEquals(0.0, image.sample(0.5, 1.5, 3), 0.0);
        assertEquals(0.0, image.sample(Double.NaN, 0.5, 1), 0.0);
        // Exactly one texel beyond the last centre: nothing left of the image.
        assertEquals(0.0, image.sample((3.5 + 1.0) / 4, 0.25, 1), 0.0);
    }
}
