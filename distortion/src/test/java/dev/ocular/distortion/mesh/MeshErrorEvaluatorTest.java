package dev.ocular.distortion.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.testing.TestLenses;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class MeshErrorEvaluatorTest {

    /**
     * The oracle: what the mesh shows at p is what the exact lens shows at p' = exact inverse of the mesh's texture
     * coordinate; the error is |p' − p|. No linearisation, no neighbour differences.
     */
    private static ChannelError oracle(EyeProfile eye, PanelVisibility visible, DistortionMesh mesh, Channel channel,
                                       boolean triangles) {
        Vector2d uv = new Vector2d();
        Vector2d panel = new Vector2d();
        double max = 0;
        double sum = 0;
        long n = 0;
        for (int y = 0; y < visible.height(); y++) {
            for (int x = 0; x < visible.width(); x++) {
                if (!visible.isVisible(x, y)) {
                    continue;
                }
                if (triangles) {
                    mesh.interpolateTriangles(channel, x + 0.5, y + 0.5, uv);
                } else {
                    mesh.interpolate(channel, x + 0.5, y + 0.5, uv);
                }
                assertTrue(eye.model().renderToPanel(channel, eye.fov().fromU(uv.x), eye.fov().fromV(uv.y), panel));
                double e = Math.hypot(panel.x - x - 0.5, panel.y - y - 0.5);
                max = Math.max(max, e);
                sum += e;
                n++;
            }
        }
        return new ChannelError(max, sum / n);
    }

    @Test
    void linearisedErrorAgreesWithTheExactInverseOracle() {
        LensProfile profile = TestLenses.dk1Like(200, 240);
        EyeProfile eye = profile.eye(Eye.LEFT);
        PanelVisibility visible = profile.visibility(Eye.LEFT);
        MeshErrorEvaluator evaluator = new MeshErrorEvaluator(eye, visible);
        // Densities whose errors are around the budget and a few times over it: the linearisation is second-order
        // accurate in the error, so it is exact to a percent or two there (not for errors of several pixels).
        for (int cells : new int[] {16, 32, 64}) {
            DistortionMesh mesh = DistortionMesh.build(eye, cells, cells);
            MeshError measured = evaluator.evaluate(mesh);
            for (Channel channel : Channel.values()) {
                for (boolean triangles : new boolean[] {false, true}) {
                    ChannelError expected = oracle(eye, visible, mesh, channel, triangles);
                    ChannelError actual = triangles ? measured.triangles(channel) : measured.bilinear(channel);
                    String what = cells + " cells, " + channel + (triangles ? ", triangles" : ", bilinear");
                    assertEquals(expected.maxPx(), actual.maxPx(), 0.02 * expected.maxPx() + 1e-4, what + " max");
                    assertEquals(expected.meanPx(), actual.meanPx(), 0.02 * expected.meanPx() + 1e-4, what + " mean");
                }
            }
        }
    }

    @Test
    void errorFallsWithTheSquareOfTheCellSize() {
        LensProfile profile = TestLenses.dk1Like(200, 240);
        EyeProfile eye = profile.eye(Eye.RIGHT);
        MeshErrorEvaluator evaluator = new MeshErrorEvaluator(eye, profile.visibility(Eye.RIGHT));
        double coarse = evaluator.evaluate(DistortionMesh.build(eye, 10, 12)).bilinear(Channel.GREEN).meanPx();
        double fine = evaluator.evaluate(DistortionMesh.build(eye, 20, 24)).bilinear(Channel.GREEN).meanPx();
        assertEquals(4.0, coarse / fine, 0.6, "coarse " + coarse + ", fine " + fine);
    }

    @Test
    void aLensWithoutDistortionIsInterpolatedExactlyByAnyMesh() {
        LensProfile profile = TestLenses.identity(64, 48);
        EyeProfile eye = profile.eye(Eye.LEFT);
        MeshError error = new MeshErrorEvaluator(eye, profile.visibility(Eye.LEFT))
                .evaluate(DistortionMesh.build(eye, 1, 1));
        for (Channel channel : Channel.values()) {
            assertTrue(error.bilinear(channel).maxPx() < 1e-4, error.bilinear(channel).toString());
            assertTrue(error.triangles(channel).maxPx() < 1e-4, error.triangles(channel).toString());
        }
    }
}
