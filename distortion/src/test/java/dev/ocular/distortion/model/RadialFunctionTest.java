package dev.ocular.distortion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each radial function against a direct transcription of its formula, and its derivative against differences. */
class RadialFunctionTest {
    private static final double[] ATW_KNOTS =
        {1.0, 1.021, 1.051, 1.086, 1.128, 1.177, 1.232, 1.295, 1.368, 1.452, 1.560};

    @Test
    void polynomialIsTheOpenHmdUniversalFormula() {
        // OpenHMD shader: r * (d + c r + b r² + a r³) with {a, b, c, d} = {1.003, -1.005, 0.403, 0.599}.
        PolynomialRadial g = new PolynomialRadial(1.015, new double[] {0.599, 0.403, -1.005, 1.003});
        for (double r : new double[] {0.0, 0.1, 0.5, 0.9, 1.3}) {
            double expected = 1.015 * r * (0.599 + 0.403 * r - 1.005 * r * r + 1.003 * r * r * r);
            assertEquals(expected, g.value(r), 1e-15, "r = " + r);
        }
    }

    @Test
    void brownConradyIsOnePlusEvenPowers() {
        PolynomialRadial g = PolynomialRadial.brownConrady(1.0, new double[] {0.441, 0.156});
        double r = 0.7;
        assertEquals(r * (1 + 0.441 * r * r + 0.156 * Math.pow(r, 4)), g.value(r), 1e-15);
    }

    @Test
    void rationalIsValvesDpoly3() {
        RationalRadial g = new RationalRadial(-0.188, -0.221, -0.254);
        double r = 0.8;
        double r2 = r * r;
        assertEquals(r / (1 - 0.188 * r2 - 0.221 * r2 * r2 - 0.254 * r2 * r2 * r2), g.value(r), 1e-15);
    }

    @Test
    void catmullRomPassesThroughItsKnotsAndContinuesStraight() {
        CatmullRomRadial g = new CatmullRomRadial(ATW_KNOTS, 1.0, 0.0, 0.0);
        for (int i = 0; i < ATW_KNOTS.length; i++) {
            double r = Math.sqrt(i / 10.0);
            assertEquals(r * ATW_KNOTS[i], g.value(r), 1e-12, "knot " + i);
        }
        // Past the last knot the spline continues along the last chord: S(1.2) = 1.560 + 2 * (1.560 - 1.452).
        double r = Math.sqrt(1.2);
        assertEquals(r * (1.560 + 2.0 * 0.108), g.value(r), 1e-12);
    }

    @Test
    void catmullRomChromaScalesByOnePlusA0PlusA1R2() {
        CatmullRomRadial plain = new CatmullRomRadial(ATW_KNOTS, 1.0, 0.0, 0.0);
        CatmullRomRadial red = new CatmullRomRadial(ATW_KNOTS, 1.0, -0.016, 0.01);
        double r = 0.6;
        assertEquals(plain.value(r) * (1 - 0.016 + 0.01 * r * r), red.value(r), 1e-14);
    }

    @Test
    void derivativesMatchCentralDifferences() {
        List<RadialFunction> functions = List.of(
                new PolynomialRadial(0.999, new double[] {0.75, -0.01, 0.75, 0.0, 3.8}),
                PolynomialRadial.brownConrady(1.0, new double[] {0.34, 0.55}),
                new RationalRadial(-0.19, -0.22, -0.25),
                new CatmullRomRadial(ATW_KNOTS, 1.0, 0.024, 0.003));
        SplittableRandom random = new SplittableRandom(11);
        for (RadialFunction g : functions) {
            for (int i = 0; i < 200; i++) {
                double r = random.nextDouble(0.01, 1.0);
                double h = 1e-6;
                double numeric = (g.value(r + h) - g.value(r - h)) / (2 * h);
                assertEquals(numeric, g.derivative(r), 1e-6 * Math.max(1.0, Math.abs(numeric)), g + " at r = " + r);
            }
        }
    }

    @Test
    void splineNeedsThreeKnots() {
        assertThrows(IllegalArgumentException.class, () -> new CatmullRomRadial(new double[] {1.0, 1.1}, 1.0, 0, 0));
    }
}
