package dev.ocular.distortion.model;

import java.util.OptionalDouble;

/**
 * Exact inverse of a radial function on its one-to-one range: solves g(r) = s with a safeguarded Newton iteration that
 * falls back to bisection whenever a Newton step would leave the current bracket (Numerical Recipes' {@code rtsafe}
 * idea). The bracket starts as [0, rMono], where rMono is the first radius at which g stops increasing, found once at
 * construction by scanning g'.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class RadialInverse {
    /** Scan steps used to find the one-to-one range; folds narrower than range/steps can be missed by the scan. */
    static final int SCAN_STEPS = 8192;
    /** Samples of g kept to bracket each solve tightly and start Newton close to the root. */
    private static final int TABLE_SIZE = 512;
    private static final int MAX_ITERATIONS = 200;
    private static final double RADIUS_TOLERANCE = 1e-14;

    private final RadialFunction g;
    private final double monotonicLimit;
    private final double valueAtLimit;
    /** g at TABLE_SIZE + 1 evenly spaced radii on [0, monotonicLimit]; strictly increasing. */
    private final double[] table;

    /**
     * @param g the radial function
     * @param searchLimit largest normalised radius the inverse may ever need; the one-to-one range is searched up to it
     */
    public RadialInverse(RadialFunction g, double searchLimit) {
        if (!(searchLimit > 0.0) || Double.isInfinite(searchLimit)) {
            throw new IllegalArgumentException("search limit must be positive and finite, got " + searchLimit);
        }
        this.g = g;
        this.monotonicLimit = firstFold(g, searchLimit, SCAN_STEPS).orElse(searchLimit);
        this.valueAtLimit = g.value(monotonicLimit);
        this.table = new double[TABLE_SIZE + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            table[i] = g.value(monotonicLimit * i / TABLE_SIZE);
        }
    }

    /** The largest radius up to which g is known to be strictly increasing. */
    public double monotonicLimit() {
        return monotonicLimit;
    }

    /**
     * Finds the first radius in [0, rMax] where g stops strictly increasing (g' ≤ 0, g not finite, or g not larger
     * than at the previous sample), refined by bisection on g' to far below a pixel.
     */
    public static OptionalDouble firstFold(RadialFunction g, double rMax, int steps) {
        double prevR = 0.0;
        double prevValue = g.value(0.0);
        if (!(g.derivative(0.0) > 0.0) || !Double.isFinite(prevValue)) {
            return OptionalDouble.of(0.0);
        }
        for (int i = 1; i <= steps; i++) {
            double r = rMax * i / steps;
            double slope = g.derivative(r);
            double value = g.value(r);
            if (!(slope > 0.0)) {
                return OptionalDouble.of(refineSlopeZero(g, prevR, r));
            }
            if (!(value > prevValue) || !Double.isFinite(value)) {
                // g' is positive at both samples yet g did not grow: a fold (or pole) hides between them.
                return OptionalDouble.of(prevR);
            }
            prevR = r;
            prevValue = value;
        }
        return OptionalDouble.empty();
    }

    private static double refineSlopeZero(RadialFunction g, double lo, double hi) {
        // Invariant: g'(lo) > 0, g'(hi) <= 0 (or NaN). Report the bracket's low end so the radius is still increasing.
        for (int i = 0; i < 80 && hi - lo > RADIUS_TOLERANCE * Math.max(1.0, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (g.derivative(mid) > 0.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index k with table[k] ≤ target ≤ table[k + 1]. */
    private int tableInterval(double target) {
        int lo = 0;
        int hi = TABLE_SIZE;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (table[mid] <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Solves g(r) = target for r in the one-to-one range.
     *
     * @param out receives r in out[0] (NaN when there is none)
     */
    public SolveOutcome solve(double target, double[] out) {
        return solve(target, Double.NaN, out);
    }

    /**
     * As {@link #solve(double, double[])} but starting Newton from {@code guess} with the whole one-to-one range as
     * the bracket (NaN: bracket between table samples and start on their chord). Exposed so tests can start from a
     * guess on which plain Newton diverges.
     */
    SolveOutcome solve(double target, double guess, double[] out) {
        out[0] = Double.NaN;
        if (!(target >= 0.0) || target > valueAtLimit) {
            return SolveOutcome.OUTSIDE;
        }
        if (target == 0.0) {
            out[0] = 0.0;
            return SolveOutcome.NEWTON;
        }
        double lo;
        double hi;
        double r;
        if (Double.isNaN(guess)) {
            // Bracket the root between two table samples (g increases there) and start on the chord between them.
            int k = tableInterval(target);
            lo = monotonicLimit * k / TABLE_SIZE;
            hi = monotonicLimit * (k + 1) / TABLE_SIZE;
            r = lo + (hi - lo) * (target - table[k]) / (table[k + 1] - table[k]);
        } else {
            // A caller's own start is tested against the whole one-to-one range.
            lo = 0.0;
            hi = monotonicLimit;
            r = guess;
        }
        if (!(r > lo && r < hi)) {
            r = 0.5 * (lo + hi);
        }
        boolean bisected = false;
        double[] eval = new double[2];
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            g.evaluate(r, eval);
            double residual = eval[0] - target;
            if (residual == 0.0) {
                break;
            }
            if (residual < 0.0) {
                lo = r;
            } else {
                hi = r;
            }
            double slope = eval[1];
            double newtonStep = residual / slope;
            if (slope > 0.0 && Math.abs(newtonStep) <= RADIUS_TOLERANCE * Math.max(1.0, r)) {
                // Converged: a step this small may land on a bracket end by rounding, which is not a reason to bisect.
                r -= newtonStep;
                break;
            }
            double next = r - newtonStep;
            if (!(slope > 0.0) || !(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
                bisected = true;
            }
            double step = Math.abs(next - r);
            r = next;
            if (step <= RADIUS_TOLERANCE * Math.max(1.0, r) || hi - lo <= RADIUS_TOLERANCE * Math.max(1.0, r)) {
                break;
            }
        }
        out[0] = r;
        return bisected ? SolveOutcome.BRACKETED : SolveOutcome.NEWTON;
    }
}
