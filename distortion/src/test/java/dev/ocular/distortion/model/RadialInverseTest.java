package dev.ocular.distortion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadialInverseTest {

    /** g(r) = atan(r): increasing everywhere, and plain Newton diverges from a guess beyond about 1.39. */
    private static final RadialFunction ATAN = new RadialFunction() {
        @Override
        public double value(double r) {
            return Math.atan(r);
        }

        @Override
        public double derivative(double r) {
            return 1.0 / (1.0 + r * r);
        }
    };

    @Test
    void newtonConvergesFromTheDefaultGuess() {
        // g is convex, so Newton from the default guess (target / g'(0), right of the root) descends monotonically.
        RadialInverse inverse = new RadialInverse(new PolynomialRadial(1.0, new double[] {1.0, 0.0, 0.2}), 10.0);
        double[] r = new double[1];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            double truth = random.nextDouble(0.0, 3.0);
            double target = truth * (1.0 + 0.2 * truth * truth);
            assertEquals(SolveOutcome.NEWTON, inverse.solve(target, r), "truth r = " + truth);
            assertEquals(truth, r[0], 1e-12, "truth r = " + truth);
        }
    }

    @Test
    void bisectionRescuesADivergingNewtonStart() {
        RadialInverse inverse = new RadialInverse(ATAN, 50.0);
        double[] r = new double[1];
        // Plain Newton on atan from 5 jumps to ever larger |r|; the bracket must catch it.
        SolveOutcome outcome = inverse.solve(0.5, 5.0, r);
        assertEquals(SolveOutcome.BRACKETED, outcome);
        assertEquals(Math.tan(0.5), r[0], 1e-12);
    }

    @Test
    void targetsBeyondTheOneToOneRangeAreOutside() {
        // g = r (1 - r²/3): increasing up to r = 1, where g = 2/3.
        RadialInverse inverse = new RadialInverse(new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.0 / 3.0}), 4.0);
        assertEquals(1.0, inverse.monotonicLimit(), 1e-9);
        double[] r = new double[1];
        assertFalse(inverse.solve(0.7, r).solved());
        assertTrue(Double.isNaN(r[0]));
        assertTrue(inverse.solve(0.6, r).solved());
        assertEquals(0.6, r[0] * (1.0 - r[0] * r[0] / 3.0), 1e-13);
        assertTrue(r[0] < 1.0);
    }

    @Test
    void firstFoldFindsTheRadiusWhereTheSlopeVanishes() {
        // g' = 1 - 4.5 r², zero at r = sqrt(2)/3.
        OptionalDouble fold = RadialInverse.firstFold(new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.5}),
                2.0, 1000);
        assertTrue(fold.isPresent());
        assertEquals(Math.sqrt(2.0) / 3.0, fold.getAsDouble(), 1e-9);
    }

    @Test
    void firstFoldFindsAPoleOfTheRationalForm() {
        // Denominator 1 - r² vanishes at r = 1: g jumps from +∞ to -∞ there.
        OptionalDouble fold = RadialInverse.firstFold(new RationalRadial(-1.0, 0.0, 0.0), 2.0, 1000);
        assertTrue(fold.isPresent());
        assertTrue(fold.getAsDouble() <= 1.0 && fold.getAsDouble() > 0.99, "fold at " + fold.getAsDouble());
    }

    @Test
    void monotonicFunctionsHaveNoFold() {
        assertTrue(RadialInverse.firstFold(ATAN, 100.0, 1000).isEmpty());
    }
}
