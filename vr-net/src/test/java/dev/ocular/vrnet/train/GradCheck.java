package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient check for piecewise-smooth losses (ReLU and clamps have kinks). For each checked value
 * v it evaluates the loss at v − ε, v and v + ε: where the forward and backward one-sided differences disagree, a
 * kink lies within ε and no difference quotient means anything, so the value is skipped (and counted); elsewhere the
 * central difference must match the analytic gradient within {@code abs + rel·|fd|}.
 */
final class GradCheck {
    private final String what;
    private final double epsilon;
    private final double abs;
    private final double rel;
    private int checked;
    private int skipped;
    private int atKinks;
    private int nonZero;
    private final List<String> failures = new ArrayList<>();
    private double errorSquares;
    private double fdSquares;

    GradCheck(String what, double epsilon, double abs, double rel) {
        this.what = what;
        this.epsilon = epsilon;
        this.abs = abs;
        this.rel = rel;
    }

    /** Checks d loss / d values[index] against {@code analytic}; the value is restored afterwards. */
    void check(String name, float[] values, int index, double analytic, DoubleSupplier loss) {
        float original = values[index];
        double centre = loss.getAsDouble();
        values[index] = (float) (original + epsilon);
        double up = loss.getAsDouble();
        double hUp = values[index] - original;
        values[index] = (float) (original - epsilon);
        double down = loss.getAsDouble();
        double hDown = original - values[index];
        values[index] = original;
        double forward = (up - centre) / hUp;
        double backward = (centre - down) / hDown;
        double tolerance = abs + rel * Math.max(Math.abs(forward), Math.abs(backward));
        // A kink within ε shifts the central difference by half the one-sided disagreement: skip it when that
        // could exceed the tolerance. Smooth points disagree only by O(ε · curvature).
        if (Math.abs(forward - backward) > tolerance) {
            // At a kink the subgradient is one of the one-sided slopes (the side the point lies on): accept that,
            // and skip only values where it matches neither (kinks on both sides within ε).
            if (Math.abs(analytic - forward) <= tolerance || Math.abs(analytic - backward) <= tolerance) {
                atKinks++;
            } else {
                skipped++;
            }
            return;
        }
        double fd = (up - down) / (hUp + hDown);
        checked++;
        errorSquares += (analytic - fd) * (analytic - fd);
        fdSquares += fd * fd;
        if (Math.abs(analytic) > abs) {
            nonZero++;
        }
        if (Math.abs(analytic - fd) > abs + rel * Math.abs(fd)) {
            failures.add(String.format(Locale.ROOT, "%s: analytic %.6g vs finite difference %.6g", name, analytic,
                    fd));
        }
    }

    /**
     * Checks every value of {@code image} against the matching value of {@code analytic} (same channels and size,
     * planar), named "{@code label} channel c at x,y".
     */
    void checkImage(String label, ImageData image, Planes analytic, DoubleSupplier loss) {
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    check(label + " channel " + c + " at " + x + "," + y, image.data(), image.index(x, y, c),
                            analytic.get(c, x, y), loss);
                }
            }
        }
    }

    /**
     * For gradients that are themselves central differences across kinks (the fuse op's gradient with respect to
     * history: the clip box and the caps bend within the op's own step at some pixels, so a value summing many
     * pixels can be a few per cent off without any error in the chain): at most {@code maxFailed} of the checked
     * values may mismatch, and the analytic gradient as a whole must match, ‖analytic − fd‖ ≤ {@code maxRelative} ·
     * ‖fd‖ over the checked values.
     */
    void assertMostlyPassed(double maxSkipped, int minNonZero, double maxFailed, double maxRelative) {
        String summary = String.format(Locale.ROOT, "%s: %d checked (%d non-zero), %d matched a one-sided slope at a "
                + "kink, %d skipped at kinks, %d failed, relative error %.4f%s",
                what, checked, nonZero, atKinks, skipped, failures.size(), Math.sqrt(errorSquares / fdSquares),
                failures.isEmpty() ? "" : ": " + String.join("; ", failures.subList(0, Math.min(8,
                        failures.size()))));
        assertTrue(failures.size() <= maxFailed * checked, summary);
        assertTrue(Math.sqrt(errorSquares) <= maxRelative * Math.sqrt(fdSquares), summary);
        assertTrue(skipped <= maxSkipped * (checked + atKinks + skipped), summary);
        assertTrue(nonZero >= minNonZero, summary);
    }

    /** Fails on any mismatch, when more than {@code maxSkipped} of the values sat on kinks, or nothing was tested. */
    void assertPassed(double maxSkipped, int minNonZero) {
        String summary = String.format(Locale.ROOT, "%s: %d checked (%d non-zero), %d matched a one-sided slope at a "
                + "kink, %d skipped at kinks, %d failed%s",
                what, checked, nonZero, atKinks, skipped, failures.size(),
                failures.isEmpty() ? "" : ": " + String.join("; ", failures.subList(0, Math.min(8,
                        failures.size()))));
        assertTrue(failures.isEmpty(), summary);
        assertTrue(skipped <= maxSkipped * (checked + atKinks + skipped), summary);
        assertTrue(nonZero >= minNonZero, summary);
    }
}
