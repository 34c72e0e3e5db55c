package dev.ocular.distortion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlanarInverseTest {
    /**
     * (x³ − 2x + 2, y): from x = 0 damped Newton slides into the local minimum of |f| at x = √(2/3) where f' = 0 and
     * stalls; the only root is x ≈ −1.7693.
     */
    private static final PlanarMap CUBIC = (x, y, out) -> {
        out[0] = x * x * x - 2.0 * x + 2.0;
        out[1] = y;
        out[2] = 3.0 * x * x - 2.0;
        out[3] = 0.0;
        out[4] = 0.0;
        out[5] = 1.0;
    };

    private static final double ROOT = -1.7692923542386314;

    @Test
    void newtonSolvesFromAGoodGuess() {
        double[] out = new double[2];
        SolveOutcome outcome = new PlanarInverse(1e-12).solve(CUBIC, 0.0, 0.25, -2.0, 0.0,
                new double[] {-3, -3, 3, 3}, out);
        assertEquals(SolveOutcome.NEWTON, outcome);
        assertEquals(ROOT, out[0], 1e-10);
        assertEquals(0.25, out[1], 1e-12);
    }

    @Test
    void bracketingFindsTheRootWhereNewtonStalls() {
        double[] out = new double[2];
        SolveOutcome outcome = new PlanarInverse(1e-12).solve(CUBIC, 0.0, 0.25, 0.0, 0.0,
                new double[] {-3, -3, 3, 3}, out);
        assertEquals(SolveOutcome.BRACKETED, outcome);
        assertEquals(ROOT, out[0], 1e-10);
        assertEquals(0.25, out[1], 1e-12);
    }

    @Test
    void rootsOutsideTheBracketAreNotFound() {
        double[] out = new double[2];
        SolveOutcome outcome = new PlanarInverse(1e-12).solve(CUBIC, 0.0, 0.25, 0.0, 0.0,
                new double[] {-1, -1, 3, 3}, out);
        assertEquals(SolveOutcome.OUTSIDE, outcome);
        assertEquals(Double.NaN, out[0]);
    }

    @Test
    void windingNumberCountsTheTargetInsideACell() {
        PlanarMap identity = (x, y, out) -> {
            out[0] = x;
            out[1] = y;
            out[2] = 1;
            out[3] = 0;
            out[4] = 0;
            out[5] = 1;
        };
        double[] eval = new double[6];
        assertEquals(1, PlanarInverse.winding(identity, 0.5, 0.5, 0, 0, 1, 1, eval));
        assertEquals(0, PlanarInverse.winding(identity, 1.5, 0.5, 0, 0, 1, 1, eval));
        PlanarMap mirrored = (x, y, out) -> identity.evaluate(-x, y, out);
        assertEquals(-1, PlanarInverse.winding(mirrored, -0.5, 0.5, 0, 0, 1, 1, eval));
    }
}
