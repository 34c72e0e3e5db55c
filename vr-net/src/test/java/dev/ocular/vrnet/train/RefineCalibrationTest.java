package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The refine strength chosen after training: {@link ParameterSet#withRefineStrength} scales exactly the last refine
 * layer under the inference spec, and {@link RefineCalibration} returns the grid point of lowest loss (ties toward 1),
 * refusing grids without 1 and non-finite losses.
 */
class RefineCalibrationTest {
    private static final NetSpec TRAINED = NetSpec.shipped().withRefineClamp(false);

    /** The strength a candidate was made with, read back from the last refine bias against the trained one. */
    private static double strengthOf(ParameterSet candidate, ParameterSet trained) {
        float[] b = candidate.refine().get(candidate.refine().size() - 1).bias();
        float[] b0 = trained.refine().get(trained.refine().size() - 1).bias();
        int i = 0;
        while (b0[i] == 0f) {
            i++;
        }
        return Math.round(b[i] / b0[i] * 1000) / 1000.0;
    }

    private static ParameterSet trained() {
        ParameterSet p = ParameterSet.copyOf(NetModel.random(TRAINED, 11));
        Random r = new Random(5);
        for (float[] a : p.arrays()) {
            for (int j = 0; j < a.length; j++) {
                a[j] = (float) r.nextGaussian();
            }
        }
        return p;
    }

    @Test
    void strengthScalesOnlyTheLastRefineLayerUnderTheInferenceSpec() {
        ParameterSet p = trained();
        float s = 0.85f;
        ParameterSet q = p.withRefineStrength(NetSpec.shipped(), s);
        assertTrue(q.spec().refineClamp());
        assertEquals(TRAINED, p.spec());
        List<ConvWeights> a = p.allLayers();
        List<ConvWeights> b = q.allLayers();
        assertEquals(a.size(), b.size());
        for (int l = 0; l < a.size(); l++) {
            float k = l == a.size() - 1 ? s : 1f;
            assertNotSame(a.get(l).weight(), b.get(l).weight(), "layer " + l + " must be a copy");
            for (int j = 0; j < a.get(l).weight().length; j++) {
                assertEquals(a.get(l).weight()[j] * k, b.get(l).weight()[j], "layer " + l + " weight " + j);
            }
            for (int j = 0; j < a.get(l).bias().length; j++) {
                assertEquals(a.get(l).bias()[j] * k, b.get(l).bias()[j], "layer " + l + " bias " + j);
            }
        }
        assertEquals("refine4", b.get(b.size() - 1).layer().name());
        // Other layers than the trained ones, or no refine stage: refused.
        NetSpec other = NetSpec.shipped().withUpscaleInput();
        assertThrows(IllegalArgumentException.class, () -> p.withRefineStrength(other, 1f));
    }

    @Test
    void calibrationPicksTheLowestLossOnTheGrid() {
        ParameterSet p = trained();
        List<Double> grid = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1);
        List<Double> seen = new ArrayList<>();
        ToDoubleFunction<ParameterSet> loss = c -> {
            assertTrue(c.spec().refineClamp(), "candidates are scored under the inference spec");
            double s = strengthOf(c, p);
            seen.add(s);
            return 1 + (s - 0.7) * (s - 0.7);
        };
        RefineCalibration.Result r = RefineCalibration.calibrate(p, NetSpec.shipped(), grid, loss);
        assertEquals(grid, seen);
        assertEquals(0.7, r.strength());
        assertEquals(1.0, r.validationLoss(), 1e-12);
        assertEquals(0.7, strengthOf(r.weights(), p));
        assertEquals(grid.size(), r.curve().size());
        assertEquals(1 + 0.3 * 0.3, r.curve().get(5).validationLoss(), 1e-9);
        assertFalse(RefineCalibration.atEdge(r.strength(), r.curve()));
        // A minimum below the grid: the smallest factor wins and says it sits at the edge.
        RefineCalibration.Result edge = RefineCalibration.calibrate(p, NetSpec.shipped(), grid,
                c -> strengthOf(c, p));
        assertEquals(0.5, edge.strength());
        assertTrue(RefineCalibration.atEdge(edge.strength(), edge.curve()));
    }

    @Test
    void tiesGoToTheStrengthNearestOne() {
        ParameterSet p = trained();
        // A flat loss: nothing justifies moving away from the trained strength.
        assertEquals(1.0, RefineCalibration.calibrate(p, NetSpec.shipped(), List.of(0.5, 1.0, 1.5), c -> 2.0)
                .strength());
        // Equal losses at 0.8 and 1.2, higher at 1: the nearer-to-1 pair ties, the smaller wins.
        Set<Double> low = Set.of(0.8, 1.2);
        assertEquals(0.8, RefineCalibration.calibrate(p, NetSpec.shipped(), List.of(0.6, 0.8, 1.0, 1.2),
                c -> low.contains(strengthOf(c, p)) ? 1.0 : 2.0).strength());
    }

    @Test
    void badGridsAndLossesAreRefused() {
        ParameterSet p = trained();
        assertThrows(IllegalArgumentException.class,
                () -> RefineCalibration.calibrate(p, NetSpec.shipped(), List.of(0.5, 0.9), c -> 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> RefineCalibration.calibrate(p, NetSpec.shipped(), List.of(0.0, 1.0), c -> 1.0));
        IllegalStateException nan = assertThrows(IllegalStateException.class,
                () -> RefineCalibration.calibrate(p, NetSpec.shipped(), List.of(1.0, 1.5),
                        c -> strengthOf(c, p) == 1.5 ? Double.NaN : 1.0));
        assertTrue(nan.getMessage().contains("1.5"), nan.getMessage());
    }
}
