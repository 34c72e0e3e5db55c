package dev.ocular.scenes.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Matrix4f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {
    private static final float EPS = 1e-5f;

    private static Vector4f ndc(Matrix4f p, double x, double y, double z) {
        Vector4f v = p.transform(new Vector4f((float) x, (float) y, (float) z, 1));
        return v.div(v.w);
    }

    @ParameterizedTest(name = "fov L{0} R{1} U{2} D{3}")
    @CsvSource({"-52, 44, 48, -52", "-44, 52, 48, -52", "-45, 45, 45, -45", "-10, 70, 30, -5", "-60, -20, 10, -50"})
    void pointsOnTheFovEdgesLandOnTheNdcEdges(double l, double r, double u, double d) {
        FovAngles fov = FovAngles.degrees(l, r, u, d);
        Matrix4f p = Projection.reverseZInfinite(fov, 0.05f, new Matrix4f());
        for (double dist : new double[] {0.05, 1, 37}) {
            // OpenXR: angleLeft is the angle of the left edge, measured in the x–z plane from −z.
            assertEquals(-1, ndc(p, fov.tanLeft() * dist, 0, -dist).x, EPS, "left edge → NDC x −1");
            assertEquals(1, ndc(p, fov.tanRight() * dist, 0, -dist).x, EPS, "right edge → NDC x +1");
            // Vulkan: NDC y −1 is the top row, so the UP edge maps to −1.
            assertEquals(-1, ndc(p, 0, fov.tanUp() * dist, -dist).y, EPS, "up edge → NDC y −1 (top)");
            assertEquals(1, ndc(p, 0, fov.tanDown() * dist, -dist).y, EPS, "down edge → NDC y +1 (bottom)");
        }
    }

    @Test
    void depthIsReverseZWithAnInfiniteFarPlane() {
        float near = 0.05f;
        Matrix4f p = Projection.reverseZInfinite(FovAngles.questLikeLeft(), near, new Matrix4f());
        assertEquals(1, ndc(p, 0, 0, -near).z, EPS, "near plane → depth 1");
        assertEquals(0.5, ndc(p, 0, 0, -2 * near).z, EPS, "twice the near distance → 0.5");
        float previous = 2;
        for (double dist = near; dist < 1e6; dist *= 3) {
            float z = ndc(p, 0.1, -0.2, -dist).z;
            assertTrue(z < previous && z > 0, "depth must fall towards 0 with distance, got " + z + " at " + dist);
            previous = z;
        }
        Vector4f atInfinity = p.transform(new Vector4f(0.3f, 0.1f, -1, 0));
        assertEquals(0, atInfinity.z / atInfinity.w, 0, "a direction (w = 0) lies at depth 0");
    }

    @Test
    void jitterShiftsTheSampledPointByExactlyTheJitter() {
        int w = 64;
        int h = 48;
        Matrix4f p = Projection.reverseZInfinite(FovAngles.questLikeLeft(), 0.05f, new Matrix4f());
        Matrix4f j = Projection.jittered(p, 0.3f, -0.2f, w, h, new Matrix4f());
        Vector4f a = ndc(p, 0.4, 0.1, -2);
        Vector4f b = ndc(j, 0.4, 0.1, -2);
        // Pixel (x, y) samples the unjittered image at (x + 0.5 + jx, …): content moves by −jitter on screen.
        assertEquals(-0.3, (b.x - a.x) * w / 2, 1e-4);
        assertEquals(0.2, (b.y - a.y) * h / 2, 1e-4);
        assertEquals(a.z, b.z, 0, "jitter must not change depth");
    }

    @Test
    void tilesReproduceTheFullImage() {
        int w = 90;
        int h = 60;
        Matrix4f p = Projection.reverseZInfinite(FovAngles.questLikeRight(), 0.05f, new Matrix4f());
        Matrix4f t = Projection.tile(p, 30, 20, 40, 25, w, h, new Matrix4f());
        double[][] points = {{0.1, 0.05, -1}, {-0.3, 0.2, -2}, {0.5, -0.4, -3}};
        for (double[] q : points) {
            Vector4f full = ndc(p, q[0], q[1], q[2]);
            Vector4f tile = ndc(t, q[0], q[1], q[2]);
            double fullPx = (full.x * 0.5 + 0.5) * w;
            double fullPy = (full.y * 0.5 + 0.5) * h;
            double tilePx = (tile.x * 0.5 + 0.5) * 40 + 30;
            double tilePy = (tile.y * 0.5 + 0.5) * 25 + 20;
            assertEquals(fullPx, tilePx, 1e-3);
            assertEquals(fullPy, tilePy, 1e-3);
            assertEquals(full.z, tile.z, 1e-7);
        }
    }

    @Test
    void questLikeEyesHaveNearlySquarePixelsAt1032x1104() {
        assertEquals(1032.0 / 1104.0, FovAngles.questLikeLeft().aspect(), 0.01);
    }
}
