package dev.ocular.vrnet.train;

import dev.ocular.vrnet.model.NetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Chooses the refine stage's strength for the graph the weights will run in, after training: the trainer optimises
 * the spec without the refine clamp (TrainPreset.clampInTraining; training through it sharpens harder and loses on
 * fresh paths), so the trained residual is sized for a graph in which overshoot costs loss. Under the clamp overshoot
 * is free and the same residual is a little too strong. This picks, from a fixed grid, the factor on the last refine
 * layer ({@link ParameterSet#withRefineStrength}) with the lowest validation loss under the inference spec: one
 * scalar, chosen on the validation shots (training scenes, their own seed), never on held-out scenes.
 * docs/vrnet-model-card.md §0-v4.3 has the measurements.
 */
public final class RefineCalibration {
    /** One grid point: the factor and the validation loss under the inference spec with it. */
    public record Point(double strength, double validationLoss) {
    }

    /**
     * @param strength the chosen factor
     * @param weights  the trained weights under the inference spec with that factor applied
     * @param curve    every grid point in grid order
     */
    public record Result(double strength, ParameterSet weights, List<Point> curve) {
        /** The validation loss at the chosen factor. */
        public double validationLoss() {
            return lossAt(strength);
        }

        /** The validation loss at grid factor {@code s}. */
        public double lossAt(double s) {
            return curve.stream().filter(p -> p.strength() == s).findFirst().orElseThrow().validationLoss();
        }
    }

    private RefineCalibration() {
    }

    /**
     * Whether {@code strength} is the smallest or largest factor of {@code curve}: the minimum may lie outside the
     * grid.
     */
    public static boolean atEdge(double strength, List<Point> curve) {
        double lo = curve.stream().mapToDouble(Point::strength).min().orElseThrow();
        double hi = curve.stream().mapToDouble(Point::strength).max().orElseThrow();
        return strength == lo || strength == hi;
    }

    /**
     * @param trained        the trained weights (their own spec: the trained one)
     * @param inference      the spec the weights ship with (same layers)
     * @param strengths      the grid, each in (0, 4]; it must hold 1 so that calibration can only lower the loss
     * @param validationLoss the loss of a candidate (e.g. {@link Trainer#validationLoss})
     * @return the lowest-loss factor; ties go to the factor nearest 1, then the smaller
     */
    public static Result calibrate(ParameterSet trained, NetSpec inference, List<Double> strengths,
            ToDoubleFunction<ParameterSet> validationLoss) {
        if (!strengths.contains(1.0)) {
            throw new IllegalArgumentException("refine strength grid " + strengths + " must include 1");
        }
        for (double s : strengths) {
            if (!(s > 0 && s <= 4)) {
                throw new IllegalArgumentException("refine strength " + s + " is outside (0, 4]");
            }
        }
        List<Point> curve = new ArrayList<>();
        Point best = null;
        ParameterSet bestWeights = null;
        for (double s : strengths) {
            ParameterSet candidate = trained.withRefineStrength(inference, (float) s);
            double loss = validationLoss.applyAsDouble(candidate);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("validation loss at refine strength " + s + " is " + loss);
            }
            Point p = new Point(s, loss);
            curve.add(p);
            if (best == null || better(p, best)) {
                best = p;
                bestWeights = candidate;
            }
        }
        return new Result(best.strength(), bestWeights, List.copyOf(curve));
    }

    private static boolean better(Point a, Point b) {
        if (a.validationLoss() != b.validationLoss()) {
            return a.validationLoss() < b.validationLoss();
        }
        double da = Math.abs(a.strength() - 1);
        double db = Math.abs(b.strength() - 1);
        return da != db ? da < db : a.strength() < b.strength();
    }
}
