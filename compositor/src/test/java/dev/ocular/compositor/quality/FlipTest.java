package dev.ocular.compositor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlipTest {
    private static final double HEADSET_PPD = Flip.pixelsPerDegree(1032, 100.0);

    static ImageData flat(int w, int h, float r, float g, float b) {
        ImageData img = ImageData.zeros(w, h, 3);
        for (int i = 0; i < w * h; i++) {
            img.data()[3 * i] = r;
            img.data()[3 * i + 1] = g;
            img.data()[3 * i + 2] = b;
        }
        return img;
    }

    static ImageData noisy(ImageData img, double sigma, long seed) {
        Random r = new Random(seed);
        ImageData out = img.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] = (float) Math.min(1, Math.max(0, out.data()[i] + sigma * r.nextGaussian()));
        }
        return out;
    }

    private static double mean(ImageData map) {
        return FlipStats.of(map, PixelMask.all(map.width(), map.height())).mean();
    }

    /** Textbook CIELAB (4-digit sRGB matrix, D65 white) with the Hunt adjustment — independent of FlipColour. */
    private static double[] huntLab(double r, double g, double b) {
        double x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
        double fx = f(x / 0.9505);
        double fy = f(y);
        double fz = f(z / 1.0890);
        double l = 116 * fy - 16;
        return new double[] {l, 500 * (fx - fy) * l / 100, 200 * (fy - fz) * l / 100};
    }

    private static double f(double t) {
        return t > Math.pow(6.0 / 29, 3) ? Math.cbrt(t) : t / (3 * Math.pow(6.0 / 29, 2)) + 4.0 / 29;
    }

    private static double hyab(double[] p, double[] q) {
        return Math.abs(p[0] - q[0]) + Math.hypot(p[1] - q[1], p[2] - q[2]);
    }

    @Test
    void identicalImagesHaveZeroError() {
        ImageData a = PsnrTest.random(33, 21, 3, 11, 0, 1);
        ImageData map = Flip.errorMap(a, a.copy(), HEADSET_PPD);
        assertEquals(0.0, FlipStats.of(map, PixelMask.all(33, 21)).max());
    }

    @Test
    void greenAgainstBlueIsTheMaximumError() {
        // ꟻLIP normalises colour distances by the Hunt-adjusted HyAB distance of green and blue, mapped to 1.
        ImageData map = Flip.errorMap(flat(12, 10, 0, 1, 0), flat(12, 10, 0, 0, 1), Flip.DESKTOP_PPD);
        FlipStats s = FlipStats.of(map, PixelMask.all(12, 10));
        assertEquals(1.0, s.min(), 1e-5);
        assertEquals(1.0, s.max(), 1e-5);
    }

    @Test
    void blackAgainstWhiteMatchesTheHandComputation() {
        // Flat images: the CSF filters are normalised and the feature detectors see nothing, so ꟻLIP is the remapped
        // colour error alone. HyAB(white, black) = ΔL = 100.
        double cmax = Math.pow(hyab(huntLab(0, 1, 0), huntLab(0, 0, 1)), 0.7);
        double e = Math.pow(100, 0.7);
        double expected = 0.95 + (e - 0.4 * cmax) / (cmax - 0.4 * cmax) * 0.05;
        ImageData map = Flip.errorMap(flat(9, 14, 0, 0, 0), flat(9, 14, 1, 1, 1), HEADSET_PPD);
        assertEquals(expected, FlipStats.of(map, PixelMask.all(9, 14)).mean(), 2e-3);
        assertEquals(0.9674, expected, 1e-3);
        // A small grey difference stays in the lower, linear part of the remap: error = HyAB^0.7 · 0.95 / (0.4·cmax).
        double[] g1 = huntLab(0.2, 0.2, 0.2);
        double[] g2 = huntLab(0.22, 0.22, 0.22);
        double small = Math.pow(hyab(g1, g2), 0.7) * 0.95 / (0.4 * cmax);
        double s1 = 1.055 * Math.pow(0.2, 1 / 2.4) - 0.055;
        double s2 = 1.055 * Math.pow(0.22, 1 / 2.4) - 0.055;
        ImageData grey = Flip.errorMap(flat(9, 9, (float) s1, (float) s1, (float) s1),
                flat(9, 9, (float) s2, (float) s2, (float) s2), HEADSET_PPD);
        assertEquals(small, FlipStats.of(grey, PixelMask.all(9, 9)).mean(), 2e-3);
    }

    @Test
    void errorGrowsWithNoiseAndIsSymmetric() {
        ImageData a = PsnrTest.random(48, 40, 3, 12, 0.2f, 0.8f);
        double previous = 0;
        for (double sigma : new double[] {0.01, 0.03, 0.1, 0.3}) {
            ImageData b = noisy(a, sigma, 13);
            ImageData ab = Flip.errorMap(a, b, HEADSET_PPD);
            ImageData ba = Flip.errorMap(b, a, HEADSET_PPD);
            double m = mean(ab);
            assertTrue(m > previous, "ꟻLIP must grow with noise σ " + sigma + ": " + m + " vs " + previous);
            assertEquals(m, mean(ba), 1e-6, "every ꟻLIP term is symmetric in its two images");
            previous = m;
        }
    }

    @Test
    void finePixelNoiseIsLessVisibleAtHigherPixelsPerDegree() {
        ImageData a = flat(64, 48, 0.5f, 0.5f, 0.5f);
        ImageData b = noisy(a, 0.05, 14);
        double near = mean(Flip.errorMap(a, b, 10));
        double far = mean(Flip.errorMap(a, b, Flip.DESKTOP_PPD));
        assertTrue(far < near, "the eye's CSF blurs per-pixel noise more when pixels are smaller: " + far + " vs "
                + near);
    }

    @Test
    void aShiftedEdgeErrsOnlyNearTheEdge() {
        int w = 80;
        int h = 12;
        ImageData a = flat(w, h, 0, 0, 0);
        ImageData b = flat(w, h, 0, 0, 0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    a.set(x, y, c, x >= 40 ? 1 : 0);
                    b.set(x, y, c, x >= 41 ? 1 : 0);
                }
            }
        }
        ImageData map = Flip.errorMap(a, b, HEADSET_PPD);
        assertTrue(map.get(40, 6, 0) > 0.5, "the moved edge is a large visible error: " + map.get(40, 6, 0));
        assertEquals(0.0, map.get(5, 6, 0));
        assertEquals(0.0, map.get(75, 6, 0));
    }

    /**
     * Cross-implementation check: the expected numbers come from an independent NumPy port of NVlabs flip.py (LDR)
     * that applies the original 2-D, non-separable CSF and feature kernels with edge padding; ours is separable. The
     * image pair is analytic so both sides build it identically (pixel values rounded to float).
     */
    @Test
    void matchesANonSeparableReferencePort() {
        int w = 45;
        int h = 37;
        ImageData ref = ImageData.zeros(w, h, 3);
        ImageData tst = ImageData.zeros(w, h, 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0.5 + 0.4 * Math.sin(x / 3.0 + c) * Math.cos(y / 4.0);
                    if (x >= 20) {
                        v = Math.min(1, Math.max(0, v * 0.5 + 0.3));
                    }
                    double n = 0.08 * Math.sin(12.9898 * x + 78.233 * y + 37.719 * c);
                    ref.set(x, y, c, (float) v);
                    tst.set(x, y, c, (float) Math.min(1, Math.max(0, v + n)));
                }
            }
        }
        ImageData near = Flip.errorMap(ref, tst, 10.32);
        assertEquals(0.2835141279691824, mean(near), 2e-6);
        assertEquals(0.46221149507812737, FlipStats.of(near, PixelMask.all(w, h)).max(), 2e-6);
        assertEquals(0.12893685417977174, near.get(30, 10, 0), 2e-6);
        ImageData far = Flip.errorMap(ref, tst, 67.0206);
        assertEquals(0.047218478799320784, mean(far), 2e-6);
        assertEquals(0.013453827991822924, far.get(30, 10, 0), 2e-6);
    }

    @Test
    void aFullHeadsetEyeTakesSecondsNotMinutes() {
        ImageData a = PsnrTest.random(1032, 1104, 3, 15, 0, 1);
        ImageData b = noisy(a, 0.05, 16);
        long start = System.nanoTime();
        Flip.errorMap(a, b, HEADSET_PPD);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "ꟻLIP on 1032x1104 took " + seconds + " s");
    }
}
