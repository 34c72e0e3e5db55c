package dev.ocular.scenes.scene;

/**
 * Triangle-list geometry in the renderer's vertex format: {@value #FLOATS_PER_VERTEX} floats per vertex — position
 * (x, y, z), normal (x, y, z), texture coordinate (u, v; origin at the texture's top-left, as glTF). Arrays are owned
 * by the mesh; don't modify them after construction.
 */
public record Mesh(String name, float[] vertices, int[] indices) {
    public static final int FLOATS_PER_VERTEX = 8;
    public static final int BYTES_PER_VERTEX = FLOATS_PER_VERTEX * Float.BYTES;

    public Mesh {
        if (vertices.length == 0 || vertices.length % FLOATS_PER_VERTEX != 0) {
            throw new IllegalArgumentException("mesh " + name + ": vertex array of " + vertices.length
                    + " floats is not a positive multiple of " + FLOATS_PER_VERTEX);
        }
        if (indices.length == 0 || indices.length % 3 != 0) {
            throw new IllegalArgumentException("mesh " + name + ": " + indices.length + " indices is not whole triangles");
        }
        int count = vertices.length / FLOATS_PER_VERTEX;
        for (int i : indices) {
            if (i < 0 || i >= count) {
                throw new IllegalArgumentException("mesh " + name + ": index " + i + " outside " + count + " vertices");
            }
        }
    }

    public int vertexCount() {
        return vertices.length / FLOATS_PER_VERTEX;
    }

    public int triangleCount() {
        return indices.length / 3;
    }
}
