package dev.ocular.compositor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsnrTest {

    static ImageData random(int w, int h, int c, long seed, float lo, float hi) {
        Random r = new Random(seed);
        ImageData img = ImageData.zeros(w, h, c);
        for (int i = 0; i < img.data().length; i++) {
            // Multiples of 1/1024: sums with the dyadic offsets below are exact in float.
            img.data()[i] = Math.round((lo + (hi - lo) * r.nextFloat()) * 1024f) / 1024f;
        }
        return img;
    }

    static ImageData plus(ImageData img, float d) {
        ImageData out = img.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] += d;
        }
        return out;
    }

    @Test
    void identicalImagesHitTheDocumentedCap() {
        ImageData a = random(17, 9, 3, 1, 0, 1);
        assertEquals(Psnr.CAP_DB, Psnr.of(a, a.copy(), 1.0, PixelMask.all(17, 9)));
    }

    @Test
    void uniformOffsetGivesTheExactPsnr() {
        ImageData a = random(23, 11, 3, 2, 0.1f, 0.8f);
        ImageData b = plus(a, 1f / 64);
        // MSE = d² exactly, so PSNR = 20·log10(range / d).
        double expected = 20 * Math.log10(64.0);
        assertEquals(expected, Psnr.of(a, b, 1.0, PixelMask.all(23, 11)), 1e-9);
        assertEquals(expected + 20 * Math.log10(4), Psnr.of(a, b, 4.0, PixelMask.all(23, 11)), 1e-9);
    }

    @Test
    void regionsPoolOnlyTheirPixels() {
        int w = 40;
        int h = 30;
        LensSplit split = LensSplit.of(w, h, 0.5, 0.5, 0.3);
        ImageData a = random(w, h, 1, 3, 0.2f, 0.6f);
        ImageData b = a.copy();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (split.periphery().contains(x, y)) {
                    b.set(x, y, 0, a.get(x, y, 0) + 0.125f);
                }
            }
        }
        assertEquals(Psnr.CAP_DB, Psnr.of(a, b, 1.0, split.centre()));
        assertEquals(20 * Math.log10(8), Psnr.of(a, b, 1.0, split.periphery()), 1e-9);
        double fraction = split.periphery().count() / (double) (w * h);
        assertEquals(10 * Math.log10(64.0 / fraction), Psnr.of(a, b, 1.0, split.whole()), 1e-9);
    }

    @Test
    void displayTransformIsReinhardThenSrgb() {
        // x = 1 → 0.5 after Reinhard → 1.055 · 0.5^(1/2.4) − 0.055.
        assertEquals(1.055 * Math.pow(0.5, 1 / 2.4) - 0.055, DisplayReferred.encode(1f), 1e-6);
        assertEquals(0f, DisplayReferred.encode(-3f));
        assertEquals(1f, DisplayReferred.encode(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(DisplayReferred.encode(Float.NaN)), "NaN must stay visible to the metrics");
        // Below the sRGB toe the encode is linear: 0.001 → 0.000999 → × 12.92.
        assertEquals(12.92 * (0.001 / 1.001), DisplayReferred.encode(0.001f), 1e-7);
    }

    @Test
    void lumaUsesBt601Weights() {
        ImageData rgb = new ImageData(1, 1, 3, new float[] {1f, 0.5f, 0.25f});
        assertEquals(0.299 + 0.587 * 0.5 + 0.114 * 0.25, DisplayReferred.luma(rgb).get(0, 0, 0), 1e-6);
    }

    @Test
    void nanOutputGivesNanPsnr() {
        ImageData a = random(5, 5, 3, 4, 0, 1);
        ImageData b = a.copy();
        b.data()[7] = Float.NaN;
        assertTrue(Double.isNaN(Psnr.of(a, b, 1.0, PixelMask.all(5, 5))));
    }
}
