package dev.ocular.distortion.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.testing.TestLenses;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class DistortionMeshTest {
    private final LensProfile profile = TestLenses.dk1Like(120, 100);
    private final EyeProfile eye = profile.eye(Eye.LEFT);
    private final DistortionMesh mesh = DistortionMesh.build(eye, 6, 5);

    @Test
    void verticesCarryTheExactModelOnPixelEdges() {
        Vector2d render = new Vector2d();
        for (Channel channel : Channel.values()) {
            eye.model().panelToRender(channel, 3 * 20.0, 2 * 20.0, render);
            assertEquals(eye.fov().toU(render.x), mesh.u(3, 2, channel), 1e-6);
            assertEquals(eye.fov().toV(render.y), mesh.v(3, 2, channel), 1e-6);
        }
    }

    @Test
    void bothInterpolationsHitTheVertices() {
        Vector2d a = new Vector2d();
        Vector2d b = new Vector2d();
        for (int j = 0; j <= 5; j++) {
            for (int i = 0; i <= 6; i++) {
                mesh.interpolate(Channel.RED, i * 20.0, j * 20.0, a);
                mesh.interpolateTriangles(Channel.RED, i * 20.0, j * 20.0, b);
                assertEquals(mesh.u(i, j, Channel.RED), a.x, 1e-6);
                assertEquals(mesh.v(i, j, Channel.RED), a.y, 1e-6);
                assertEquals(a.x, b.x, 1e-6);
                assertEquals(a.y, b.y, 1e-6);
            }
        }
    }

    @Test
    void trianglesAreLinearAlongTheDiagonal() {
        // On the diagonal of a cell both triangles agree and the value is the mean of the diagonal's ends.
        Vector2d mid = mesh.interpolateTriangles(Channel.BLUE, 2 * 20.0 + 10.0, 1 * 20.0 + 10.0, new Vector2d());
        assertEquals(0.5 * (mesh.u(2, 1, Channel.BLUE) + mesh.u(3, 2, Channel.BLUE)), mid.x, 1e-6);
        assertEquals(0.5 * (mesh.v(2, 1, Channel.BLUE) + mesh.v(3, 2, Channel.BLUE)), mid.y, 1e-6);
    }

    @Test
    void gpuBuffersHaveTheDocumentedLayout() {
        float[] vertices = mesh.interleavedVertices();
        assertEquals(7 * 6 * DistortionMesh.FLOATS_PER_VERTEX, vertices.length);
        int vertex = 2 * 7 + 3;
        int base = vertex * DistortionMesh.FLOATS_PER_VERTEX;
        assertEquals(2.0 * 3 / 6 - 1.0, vertices[base], 1e-6);
        assertEquals(2.0 * 2 / 5 - 1.0, vertices[base + 1], 1e-6);
        assertEquals(mesh.u(3, 2, Channel.GREEN), vertices[base + 4], 0.0);
        assertEquals(mesh.v(3, 2, Channel.BLUE), vertices[base + 7], 0.0);
        int[] indices = mesh.triangleIndices();
        assertEquals(6 * 5 * 6, indices.length);
        // First cell: (v00, v10, v11), (v00, v11, v01).
        assertEquals(0, indices[0]);
        assertEquals(1, indices[1]);
        assertEquals(8, indices[2]);
        assertEquals(0, indices[3]);
        assertEquals(8, indices[4]);
        assertEquals(7, indices[5]);
    }
}
