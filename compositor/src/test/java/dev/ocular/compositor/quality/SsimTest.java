package dev.ocular.compositor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {
    private static final double C1 = Math.pow(0.01, 2);
    private static final double C2 = Math.pow(0.03, 2);

    /** Direct 2-D window sums at one valid centre: the textbook definition, no separability. */
    private static double[] windowStats(ImageData x, ImageData y, int cx, int cy) {
        double[] s = new double[5];
        double norm = 0;
        for (int j = -5; j <= 5; j++) {
            for (int i = -5; i <= 5; i++) {
                double w = Math.exp(-(i * i + j * j) / (2 * 1.5 * 1.5));
                double a = x.get(cx + i, cy + j, 0);
                double b = y.get(cx + i, cy + j, 0);
                s[0] += w * a;
                s[1] += w * b;
                s[2] += w * a * a;
                s[3] += w * b * b;
                s[4] += w * a * b;
                norm += w;
            }
        }
        for (int k = 0; k < 5; k++) {
            s[k] /= norm;
        }
        return s;
    }

    private static double naiveSsim(ImageData x, ImageData y) {
        double sum = 0;
        int n = 0;
        for (int cy = 5; cy < x.height() - 5; cy++) {
            for (int cx = 5; cx < x.width() - 5; cx++) {
                double[] s = windowStats(x, y, cx, cy);
                double vx = s[2] - s[0] * s[0];
                double vy = s[3] - s[1] * s[1];
                double cxy = s[4] - s[0] * s[1];
                sum += (2 * s[0] * s[1] + C1) * (2 * cxy + C2) / ((s[0] * s[0] + s[1] * s[1] + C1) * (vx + vy + C2));
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void identicalImagesScoreOne() {
        ImageData a = PsnrTest.random(24, 19, 1, 5, 0, 1);
        assertEquals(1.0, Ssim.of(a, a.copy(), 1.0), 1e-12);
    }

    @Test
    void uniformShiftMatchesTheHandComputation() {
        // Two flat images a and a + c: no variance, so SSIM = (2·a·(a + c) + C1) / (a² + (a + c)² + C1).
        float a = 0.3f;
        float c = 0.05f;
        ImageData x = PsnrTest.plus(ImageData.zeros(15, 13, 1), a);
        ImageData y = PsnrTest.plus(x, c);
        double ay = (double) a + c;
        double expected = (2 * a * ay + C1) / (a * a + ay * ay + C1);
        assertEquals(expected, Ssim.of(x, y, 1.0), 1e-6);
    }

    @Test
    void texturedShiftOnlyLosesLuminanceSimilarity() {
        // y = x + c keeps variances and covariance, so each window scores (2μ(μ + c) + C1) / (μ² + (μ + c)² + C1).
        ImageData x = PsnrTest.random(21, 18, 1, 6, 0.1f, 0.7f);
        float c = 0.1f;
        ImageData y = PsnrTest.plus(x, c);
        double sum = 0;
        int n = 0;
        for (int cy = 5; cy < 18 - 5; cy++) {
            for (int cx = 5; cx < 21 - 5; cx++) {
                double mu = windowStats(x, x, cx, cy)[0];
                sum += (2 * mu * (mu + c) + C1) / (mu * mu + (mu + c) * (mu + c) + C1);
                n++;
            }
        }
        assertEquals(sum / n, Ssim.of(x, y, 1.0), 1e-5);
    }

    @Test
    void separableMapEqualsTheDirectDefinition() {
        ImageData x = PsnrTest.random(26, 17, 1, 7, 0, 1);
        ImageData y = PsnrTest.random(26, 17, 1, 8, 0, 1);
        for (int i = 0; i < x.data().length; i++) {
            y.data()[i] = 0.6f * x.data()[i] + 0.4f * y.data()[i];
        }
        assertEquals(naiveSsim(x, y), Ssim.of(x, y, 1.0), 1e-9);
    }

    @Test
    void moreNoiseLowersSsimAndTheBorderIsUndefined() {
        ImageData x = PsnrTest.random(40, 32, 1, 9, 0.2f, 0.8f);
        Random r = new Random(10);
        double previous = 1.0;
        for (double sigma : new double[] {0.01, 0.03, 0.1, 0.3}) {
            ImageData y = x.copy();
            for (int i = 0; i < y.data().length; i++) {
                y.data()[i] += (float) (sigma * r.nextGaussian());
            }
            double s = Ssim.of(x, y, 1.0);
            assertTrue(s < previous, "SSIM must fall with noise σ " + sigma + ": " + s + " vs " + previous);
            previous = s;
        }
        ImageData map = Ssim.map(x, x, 1.0);
        assertTrue(Float.isNaN(map.get(4, 10, 0)) && Float.isNaN(map.get(10, 27, 0)));
        assertEquals(1.0, map.get(5, 5, 0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(ImageData.zeros(10, 20, 1),
                ImageData.zeros(10, 20, 1), 1.0));
    }
}
