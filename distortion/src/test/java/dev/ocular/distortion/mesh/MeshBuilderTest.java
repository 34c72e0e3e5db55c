package dev.ocular.distortion.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.testing.TestLenses;
import org.junit.jupiter.api.Test;

class MeshBuilderTest {

    @Test
    void theChosenMeshMeetsTheBudgetAndCoarserOnesDoNot() {
        LensProfile profile = TestLenses.dk1Like(320, 400);
        EyeProfile eye = profile.eye(Eye.LEFT);
        MeshErrorEvaluator evaluator = new MeshErrorEvaluator(eye, profile.visibility(Eye.LEFT));
        MeshBuilder.Result result = new MeshBuilder(MeshBudget.DEFAULT).build(evaluator);
        assertTrue(result.error().within(MeshBudget.DEFAULT));
        for (Channel channel : Channel.values()) {
            assertTrue(result.error().bilinear(channel).maxPx() < 0.25);
            assertTrue(result.error().bilinear(channel).meanPx() < 0.05);
        }
        assertFalse(result.attempts().isEmpty(), "an 8-cell mesh cannot meet the budget on this lens");
        // Re-measure the last rejected density in full: it really misses the budget.
        String[] last = result.attempts().getLast().split("x");
        DistortionMesh rejected = DistortionMesh.build(eye, Integer.parseInt(last[0]), Integer.parseInt(last[1]));
        assertFalse(evaluator.evaluate(rejected).within(MeshBudget.DEFAULT));
        // Half the chosen density misses it too: the search does not stop at an arbitrarily large mesh.
        DistortionMesh half = DistortionMesh.build(eye, result.mesh().cellsX() / 2, result.mesh().cellsY() / 2);
        assertFalse(evaluator.evaluate(half).within(MeshBudget.DEFAULT));
    }

    @Test
    void cellsStayRoughlySquare() {
        LensProfile profile = TestLenses.dk1Like(320, 400);
        DistortionMesh mesh = new MeshBuilder(MeshBudget.DEFAULT)
                .build(profile.eye(Eye.RIGHT), profile.visibility(Eye.RIGHT)).mesh();
        double cellW = 320.0 / mesh.cellsX();
        double cellH = 400.0 / mesh.cellsY();
        assertEquals(1.0, cellW / cellH, 0.1);
    }

    @Test
    void aTighterBudgetNeedsMoreCells() {
        LensProfile profile = TestLenses.dk1Like(160, 200);
        EyeProfile eye = profile.eye(Eye.LEFT);
        int normal = new MeshBuilder(MeshBudget.DEFAULT).build(eye, profile.visibility(Eye.LEFT)).mesh().cellsX();
        int tight = new MeshBuilder(new MeshBudget(0.05, 0.01)).build(eye, profile.visibility(Eye.LEFT))
                .mesh().cellsX();
        assertTrue(tight > normal, tight + " vs " + normal);
    }

    @Test
    void anImpossibleBudgetFailsLoudly() {
        LensProfile profile = TestLenses.dk1Like(64, 80);
        MeshBuilder builder = new MeshBuilder(new MeshBudget(1e-9, 1e-9));
        MeshBudgetException e = assertThrows(MeshBudgetException.class,
                () -> builder.build(profile.eye(Eye.LEFT), profile.visibility(Eye.LEFT)));
        assertTrue(e.getMessage().contains("left eye: no mesh up to 410x512"), e.getMessage());
    }

    @Test
    void predictionAlwaysGrowsAndDoublesOnNonFiniteErrors() {
        assertEquals(9, MeshBuilder.nextCells(8, 1.0000001));
        assertEquals(16, MeshBuilder.nextCells(8, Double.POSITIVE_INFINITY));
        assertEquals(32, MeshBuilder.nextCells(8, 1e6));
        assertEquals((int) Math.ceil(10 * 2 * 1.08), MeshBuilder.nextCells(10, 4.0));
    }
}
