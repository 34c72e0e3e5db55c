package dev.ocular.scenes.scene;

import java.util.Arrays;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Builds {@link Mesh}es from primitives (quads, boxes, cylinders, spheres) in one object space. An optional transform
 * applies to everything added after it is set.
 */
public final class MeshBuilder {
    private final String name;
    private float[] vertices = new float[1024];
    private int[] indices = new int[1024];
    private int vertexFloats;
    private int indexCount;
    private final Matrix4f transform = new Matrix4f();
    private final Matrix4f normalTransform = new Matrix4f();

    public MeshBuilder(String name) {
        this.name = name;
    }

    /** Applies {@code m} to primitives added from now on. */
    public MeshBuilder transform(Matrix4fc m) {
        transform.set(m);
        normalTransform.set(m).invert().transpose();
        return this;
    }

    private int vertex(Vector3fc p, Vector3fc n, float u, float v) {
        if (vertexFloats + Mesh.FLOATS_PER_VERTEX > vertices.length) {
            vertices = Arrays.copyOf(vertices, vertices.length * 2);
        }
        Vector3f tp = transform.transformPosition(new Vector3f(p));
        Vector3f tn = normalTransform.transformDirection(new Vector3f(n)).normalize();
        float[] v8 = {tp.x, tp.y, tp.z, tn.x, tn.y, tn.z, u, v};
        System.arraycopy(v8, 0, vertices, vertexFloats, 8);
        vertexFloats += 8;
        return vertexFloats / 8 - 1;
    }

    private void triangle(int a, int b, int c) {
        if (indexCount + 3 > indices.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
        }
        indices[indexCount++] = a;
        indices[indexCount++] = b;
        indices[indexCount++] = c;
    }

    /**
     * The parallelogram origin + s·edgeU + t·edgeV, s, t ∈ [0, 1]; texture coordinates (s·repeatU, t·repeatV), normal
     * edgeU × edgeV.
     */
    public MeshBuilder quad(Vector3fc origin, Vector3fc edgeU, Vector3fc edgeV, float repeatU, float repeatV) {
        Vector3f n = new Vector3f(edgeU).cross(edgeV).normalize();
        Vector3f p1 = new Vector3f(origin).add(edgeU);
        Vector3f p2 = new Vector3f(p1).add(edgeV);
        Vector3f p3 = new Vector3f(origin).add(edgeV);
        int a = vertex(origin, n, 0, 0);
        int b = vertex(p1, n, repeatU, 0);
        int c = vertex(p2, n, repeatU, repeatV);
        int d = vertex(p3, n, 0, repeatV);
        triangle(a, b, c);
        triangle(a, c, d);
        return this;
    }

    /**
     * An axis-aligned box centred at (cx, cy, cz) with full sizes (sx, sy, sz); each face's texture repeats
     * {@code texelsPerMetre} times per metre so adjacent boxes tile consistently.
     */
    public MeshBuilder box(float cx, float cy, float cz, float sx, float sy, float sz, float repeatsPerMetre) {
        float x0 = cx - sx / 2, y0 = cy - sy / 2, z0 = cz - sz / 2;
        float k = repeatsPerMetre;
        // +z, −z, +x, −x, +y, −y faces; textures read upright (v grows downwards) on the side faces.
        quad(new Vector3f(x0, y0 + sy, z0 + sz), new Vector3f(sx, 0, 0), new Vector3f(0, -sy, 0), sx * k, sy * k);
        quad(new Vector3f(x0 + sx, y0 + sy, z0), new Vector3f(-sx, 0, 0), new Vector3f(0, -sy, 0), sx * k, sy * k);
        quad(new Vector3f(x0 + sx, y0 + sy, z0 + sz), new Vector3f(0, 0, -sz), new Vector3f(0, -sy, 0), sz * k, sy * k);
        quad(new Vector3f(x0, y0 + sy, z0), new Vector3f(0, 0, sz), new Vector3f(0, -sy, 0), sz * k, sy * k);
        quad(new Vector3f(x0, y0 + sy, z0), new Vector3f(sx, 0, 0), new Vector3f(0, 0, sz), sx * k, sz * k);
        quad(new Vector3f(x0, y0, z0 + sz), new Vector3f(sx, 0, 0), new Vector3f(0, 0, -sz), sx * k, sz * k);
        return this;
    }

    /** An open cylinder of {@code radius} from {@code a} to {@code b} (wires, poles, bars). */
    public MeshBuilder cylinder(Vector3fc a, Vector3fc b, float radius, int segments) {
        Vector3f axis = new Vector3f(b).sub(a);
        Vector3f dir = new Vector3f(axis).normalize();
        Vector3f helper = Math.abs(dir.y) < 0.9f ? new Vector3f(0, 1, 0) : new Vector3f(1, 0, 0);
        Vector3f side = new Vector3f(dir).cross(helper).normalize();
        Vector3f up = new Vector3f(side).cross(dir).normalize();
        int first = -1;
        for (int i = 0; i <= segments; i++) {
            double angle = 2 * Math.PI * i / segments;
            Vector3f n = new Vector3f(side).mul((float) Math.cos(angle)).add(new Vector3f(up).mul((float) Math.sin(angle)));
            Vector3f pa = new Vector3f(n).mul(radius).add(a);
            Vector3f pb = new Vector3f(n).mul(radius).add(b);
            int va = vertex(pa, n, (float) i / segments, 0);
            vertex(pb, n, (float) i / segments, axis.length());
            if (first >= 0) {
                int prev = va - 2;
                triangle(prev, va, va + 1);
                triangle(prev, va + 1, prev + 1);
            }
            first = va;
        }
        return this;
    }

    /** A UV sphere; {@code faceted} gives each quad its own flat normal (sharp glints). */
    public MeshBuilder sphere(Vector3fc centre, float radius, int segments, int rings, boolean faceted) {
        for (int r = 0; r < rings; r++) {
            for (int s = 0; s < segments; s++) {
                Vector3f[] p = new Vector3f[4];
                float[][] uv = new float[4][];
                int[][] corners = {{s, r}, {s + 1, r}, {s + 1, r + 1}, {s, r + 1}};
                for (int c = 0; c < 4; c++) {
                    double theta = Math.PI * corners[c][1] / rings;
                    double phi = 2 * Math.PI * corners[c][0] / segments;
                    p[c] = new Vector3f((float) (Math.sin(theta) * Math.cos(phi)), (float) Math.cos(theta),
                            (float) (Math.sin(theta) * Math.sin(phi)));
                    uv[c] = new float[] {(float) corners[c][0] / segments, (float) corners[c][1] / rings};
                }
                Vector3f flat = new Vector3f(p[0]).add(p[1]).add(p[2]).add(p[3]).normalize();
                int[] idx = new int[4];
                for (int c = 0; c < 4; c++) {
                    Vector3f n = faceted ? flat : p[c];
                    idx[c] = vertex(new Vector3f(p[c]).mul(radius).add(centre), n, uv[c][0], uv[c][1]);
                }
                triangle(idx[0], idx[1], idx[2]);
                triangle(idx[0], idx[2], idx[3]);
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return indexCount == 0;
    }

    public Mesh build() {
        return new Mesh(name, Arrays.copyOf(vertices, vertexFloats), Arrays.copyOf(indices, indexCount));
    }
}
