package dev.ocular.scenes.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaltonJitterTest {

    @Test
    void haltonMatchesTheRadicalInverse() {
        double[] base2 = {0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875};
        double[] base3 = {0, 1 / 3.0, 2 / 3.0, 1 / 9.0, 4 / 9.0, 7 / 9.0, 2 / 9.0, 5 / 9.0};
        for (int i = 0; i < base2.length; i++) {
            assertEquals(base2[i], HaltonJitter.halton(i, 2), 1e-15, "base 2 index " + i);
            assertEquals(base3[i], HaltonJitter.halton(i, 3), 1e-15, "base 3 index " + i);
        }
    }

    @ParameterizedTest(name = "ratio {0} → {1} phases")
    @CsvSource({"1.0, 8", "1.3, 14", "1.5, 18", "1.7, 24", "2.0, 32", "3.0, 72"})
    void phaseCountIsAtLeastEightTimesRatioSquared(double ratio, int phases) {
        HaltonJitter jitter = HaltonJitter.forRatio(ratio);
        assertEquals(phases, jitter.phases());
        assertTrue(jitter.phases() >= 8 * ratio * ratio - 1e-9);
        for (long n = 0; n < 3L * phases; n++) {
            float x = jitter.x(n);
            float y = jitter.y(n);
            assertTrue(x >= -0.5f && x <= 0.5f && y >= -0.5f && y <= 0.5f, "jitter out of range at " + n);
            assertEquals(x, jitter.x(n + phases), 0, "sequence must repeat after its phase count");
            assertEquals(y, jitter.y(n + phases), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> HaltonJitter.forRatio(0.5));
    }

    @ParameterizedTest(name = "{0} phases")
    @CsvSource({"8", "18", "32", "72"})
    void oneCycleCoversThePixelEvenly(int phases) {
        HaltonJitter jitter = HaltonJitter.withPhases(phases);
        double[][] halton = new double[phases][];
        double meanX = 0;
        double meanY = 0;
        for (int n = 0; n < phases; n++) {
            halton[n] = new double[] {jitter.x(n) + 0.5, jitter.y(n) + 0.5};
            meanX += jitter.x(n) / phases;
            meanY += jitter.y(n) / phases;
        }
        assertEquals(0, meanX, 1.0 / phases, "jitter must average to the pixel centre");
        assertEquals(0, meanY, 1.0 / phases);
        double haltonD = starDiscrepancy(halton);
        // Seeded uniform random points of the same count: Halton must be clearly more even than their average.
        SplittableRandom random = new SplittableRandom(phases);
        double randomD = 0;
        int trials = 50;
        for (int t = 0; t < trials; t++) {
            double[][] pts = new double[phases][];
            for (int n = 0; n < phases; n++) {
                pts[n] = new double[] {random.nextDouble(), random.nextDouble()};
            }
            randomD += starDiscrepancy(pts) / trials;
        }
        assertTrue(haltonD < 0.75 * randomD, "Halton star discrepancy " + haltonD + " vs random " + randomD);
        assertTrue(haltonD < 2.5 * Math.log(phases) * Math.log(phases) / phases + 0.02,
                "star discrepancy " + haltonD + " exceeds the low-discrepancy bound for " + phases + " points");
    }

    /** Exact star discrepancy over boxes anchored at the origin with corners at point coordinates (small n). */
    private static double starDiscrepancy(double[][] pts) {
        int n = pts.length;
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        for (int i = 0; i < n; i++) {
            xs[i] = pts[i][0];
            ys[i] = pts[i][1];
        }
        xs[n] = 1;
        ys[n] = 1;
        double worst = 0;
        for (double bx : xs) {
            for (double by : ys) {
                int open = 0;
                int closed = 0;
                for (double[] p : pts) {
                    if (p[0] < bx && p[1] < by) {
                        open++;
                    }
                    if (p[0] <= bx && p[1] <= by) {
                        closed++;
                    }
                }
                double area = bx * by;
                worst = Math.max(worst, Math.max(area - (double) open / n, (double) closed / n - area));
            }
        }
        return worst;
    }
}
