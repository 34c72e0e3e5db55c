package dev.ocular.distortion.mesh;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import org.joml.Vector2d;

/**
 * One eye's distortion mesh: a regular grid over the eye viewport whose vertices carry the render-image texture
 * coordinates of red, green and blue (three UV pairs per vertex, as Monado's {@code u_distortion_mesh.c}).
 *
 * <p>Vertex (i, j), 0 ≤ i ≤ cellsX, 0 ≤ j ≤ cellsY, sits at eye-local panel position (i·w/cellsX, j·h/cellsY), on pixel
 * edges, not centres. Its UVs are the exact model's render direction there, converted with the eye's {@link Fov}: u = 0
 * at the left edge of the render image, v = 0 at its top edge. A direction that is not finite (past a pole of the
 * model, never visible) is stored as {@link #OFF_IMAGE} so that it samples the black border.
 *
 * <p>Between vertices the mesh is evaluated either bilinearly over each cell ({@link #interpolate}, what a compute
 * pass reading the grid does) or linearly over two triangles per cell split along the (i, j)–(i+1, j+1) diagonal
 * ({@link #interpolateTriangles}, what a rasteriser drawing {@link #triangleIndices()} does). The error budget is met
 * for both.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class DistortionMesh {
    /** Stored for directions with no finite value: far outside [0, 1], so sampling returns the border colour. */
    public static final float OFF_IMAGE = -1.0e6f;
    /** Floats per vertex in {@link #interleavedVertices()}. */
    public static final int FLOATS_PER_VERTEX = 8;

    private final Eye eye;
    private final int widthPx;
    private final int heightPx;
    private final int cellsX;
    private final int cellsY;
    /** [(vertex * 3 + channel) * 2 + axis]. */
    private final float[] uv;

    private DistortionMesh(Eye eye, int widthPx, int heightPx, int cellsX, int cellsY, float[] uv) {
        this.eye = eye;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.cellsX = cellsX;
        this.cellsY = cellsY;
        this.uv = uv;
    }

    /** Evaluates the eye's lens model at every vertex of a cellsX × cellsY grid. */
    public static DistortionMesh build(EyeProfile eye, int cellsX, int cellsY) {
        if (cellsX < 1 || cellsY < 1) {
            throw new IllegalArgumentException("a mesh needs at least one cell each way, got " + cellsX + "×" + cellsY);
        }
        Fov fov = eye.fov();
        int columns = cellsX + 1;
        float[] uv = new float[columns * (cellsY + 1) * 6];
        Vector2d render = new Vector2d();
        for (int j = 0; j <= cellsY; j++) {
            double y = (double) j * eye.heightPx() / cellsY;
            for (int i = 0; i <= cellsX; i++) {
                double x = (double) i * eye.widthPx() / cellsX;
                int base = (j * columns + i) * 6;
                for (Channel channel : Channel.values()) {
                    eye.model().panelToRender(channel, x, y, render);
                    uv[base + channel.ordinal() * 2] = finiteOrOff(fov.toU(render.x));
                    uv[base + channel.ordinal() * 2 + 1] = finiteOrOff(fov.toV(render.y));
                }
            }
        }
        return new DistortionMesh(eye.eye(), eye.widthPx(), eye.heightPx(), cellsX, cellsY, uv);
    }

    private static float finiteOrOff(double value) {
        return Double.isFinite(value) && Math.abs(value) < -OFF_IMAGE ? (float) value : OFF_IMAGE;
    }

    public Eye eye() {
        return eye;
    }

    public int cellsX() {
        return cellsX;
    }

    public int cellsY() {
        return cellsY;
    }

    public int vertexCount() {
        return (cellsX + 1) * (cellsY + 1);
    }

    /** Texture u of a channel at vertex (i, j). */
    public float u(int i, int j, Channel channel) {
        return uv[((j * (cellsX + 1) + i) * 3 + channel.ordinal()) * 2];
    }

    /** Texture v of a channel at vertex (i, j). */
    public float v(int i, int j, Channel channel) {
        return uv[((j * (cellsX + 1) + i) * 3 + channel.ordinal()) * 2 + 1];
    }

    /** Bilinear interpolation of a channel's UV at an eye-local panel position; writes and returns {@code dest}. */
    public Vector2d interpolate(Channel channel, double panelX, double panelY, Vector2d dest) {
        double fx = panelX * cellsX / widthPx;
        double fy = panelY * cellsY / heightPx;
        int i = (int) Math.max(0, Math.min(cellsX - 1, Math.floor(fx)));
        int j = (int) Math.max(0, Math.min(cellsY - 1, Math.floor(fy)));
        double s = fx - i;
        double t = fy - j;
        int c = channel.ordinal();
        int columns = cellsX + 1;
        int v00 = ((j * columns + i) * 3 + c) * 2;
        int v10 = v00 + 6;
        int v01 = v00 + columns * 6;
        int v11 = v01 + 6;
        for (int a = 0; a < 2; a++) {
            double top = uv[v00 + a] + s * (uv[v10 + a] - uv[v00 + a]);
            double bottom = uv[v01 + a] + s * (uv[v11 + a] - uv[v01 + a]);
            double value = top + t * (bottom - top);
            if (a == 0) {
                dest.x = value;
            } else {
                dest.y = value;
            }
        }
        return dest;
    }

    /** Linear interpolation over the cell's two triangles, as a rasteriser would; writes and returns {@code dest}. */
    public Vector2d interpolateTriangles(Channel channel, double panelX, double panelY, Vector2d dest) {
        double fx = panelX * cellsX / widthPx;
        double fy = panelY * cellsY / heightPx;
        int i = (int) Math.max(0, Math.min(cellsX - 1, Math.floor(fx)));
        int j = (int) Math.max(0, Math.min(cellsY - 1, Math.floor(fy)));
        double s = fx - i;
        double t = fy - j;
        int c = channel.ordinal();
        int columns = cellsX + 1;
        int v00 = ((j * columns + i) * 3 + c) * 2;
        int v10 = v00 + 6;
        int v01 = v00 + columns * 6;
        int v11 = v01 + 6;
        for (int a = 0; a < 2; a++) {
            double value = s >= t
                    ? uv[v00 + a] + s * (uv[v10 + a] - uv[v00 + a]) + t * (uv[v11 + a] - uv[v10 + a])
                    : uv[v00 + a] + s * (uv[v11 + a] - uv[v01 + a]) + t * (uv[v01 + a] - uv[v00 + a]);
            if (a == 0) {
                dest.x = value;
            } else {
                dest.y = value;
            }
        }
        return dest;
    }

    /**
     * Vertex data for a GPU buffer, {@link #FLOATS_PER_VERTEX} floats per vertex, row-major from the top row:
     * position in the eye viewport's Vulkan NDC (x −1 left … +1 right, y −1 top … +1 bottom), then red u, v, green u,
     * v, blue u, v.
     */
    public float[] interleavedVertices() {
        int columns = cellsX + 1;
        float[] data = new float[vertexCount() * FLOATS_PER_VERTEX];
        for (int j = 0; j <= cellsY; j++) {
            for (int i = 0; i < columns; i++) {
                int vertex = j * columns + i;
                int out = vertex * FLOATS_PER_VERTEX;
                data[out] = (float) (2.0 * i / cellsX - 1.0);
                data[out + 1] = (float) (2.0 * j / cellsY - 1.0);
                System.arraycopy(uv, vertex * 6, data, out + 2, 6);
            }
        }
        return data;
    }

    /**
     * Triangle list, two triangles per cell: (v00, v10, v11) and (v00, v11, v01), where v00 is the cell's top-left
     * vertex, v10 its top-right, v01 bottom-left, v11 bottom-right. Both wind clockwise as seen on the panel (y down);
     * draw without culling or set the front face to match.
     */
    public int[] triangleIndices() {
        int columns = cellsX + 1;
        int[] indices = new int[cellsX * cellsY * 6];
        int n = 0;
        for (int j = 0; j < cellsY; j++) {
            for (int i = 0; i < cellsX; i++) {
                int v00 = j * columns + i;
                int v10 = v00 + 1;
                int v01 = v00 + columns;
                int v11 = v01 + 1;
                indices[n++] = v00;
                indices[n++] = v10;
                indices[n++] = v11;
                indices[n++] = v00;
                indices[n++] = v11;
                indices[n++] = v01;
            }
        }
        return indices;
    }
}
