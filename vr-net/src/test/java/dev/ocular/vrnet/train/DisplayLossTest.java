package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The loss's gradient against finite differences, with and without the temporal, edge and feature terms, across the
 * sRGB knee, on an odd-sized image (the feature kernels' clamped borders on every side).
 */
class DisplayLossTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        Random r = new Random(3);
        int w = 7;
        int h = 5;
        for (float[] weights : new float[][] {{0f, 0f, 0f}, {0.7f, 0f, 0f}, {0f, 0.5f, 0f}, {0.7f, 0.5f, 0f},
                {0f, 0f, 0.8f}, {0.7f, 0.5f, 0.8f}}) {
            float temporal = weights[0];
            float edge = weights[1];
            float feature = weights[2];
            Planes y = Planes.zeros(3, w, h);
            Planes target = Planes.zeros(3, w, h);
            Planes previous = Planes.zeros(3, w, h);
            Planes previousTarget = Planes.zeros(3, w, h);
            for (int i = 0; i < y.data().length; i++) {
                // Half the values below the sRGB curve's linear segment (0.0031308), half above.
                y.data()[i] = i % 2 == 0 ? 0.0005f + 0.002f * r.nextFloat() : 0.05f + 0.9f * r.nextFloat();
                target.data()[i] = r.nextFloat();
                previous.data()[i] = r.nextFloat();
                previousTarget.data()[i] = r.nextFloat();
            }
            DisplayLoss loss = new DisplayLoss(1e-2f, temporal, edge, feature, 10.75);
            Planes grad = Planes.zeros(3, w, h);
            Planes shown = Planes.zeros(3, w, h);
            double value = loss.evaluate(y, target, previous, previousTarget, shown, grad);
            DoubleSupplier f = () -> loss.evaluate(y, target, previous, previousTarget, Planes.zeros(3, w, h),
                    Planes.zeros(3, w, h));
            assertEquals(value, f.getAsDouble(), 0.0, "pure");
            GradCheck check = new GradCheck("display loss, temporal " + temporal + ", edge " + edge
                    + ", feature " + feature, 1e-4, 1e-4,
                    1e-2);
            for (int i = 0; i < y.data().length; i++) {
                check.check("y " + i, y.data(), i, grad.data()[i], f);
            }
            // Up to a tenth skipped: below the sRGB knee a step of 1e-4 in y moves D(y) by 1.3e-3, and values whose
            // temporal difference sits within ε of zero then bend more than the tolerance across the step.
            check.assertPassed(0.1, y.data().length / 2);
            assertEquals(DisplayLoss.encode(y.data()[7]), shown.data()[7], 0f, "shown is D(y)");
        }
    }
}
