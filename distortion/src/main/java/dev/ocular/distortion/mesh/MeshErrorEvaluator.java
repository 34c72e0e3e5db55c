package dev.ocular.distortion.mesh;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.PanelVisibility;
import org.joml.Vector2d;

/**
 * Measures a mesh against per-pixel evaluation of the lens model, in panel pixels.
 *
 * <p>For each visible pixel centre p and channel c, the mesh gives texture coordinates uv_m and the exact model gives
 * uv(p). The mesh therefore shows at p what the exact model would show at p' with uv(p') = uv_m; the error is
 * |p' − p| ≈ |J⁻¹ (uv_m − uv(p))|, where J = ∂uv/∂p is taken by central differences over neighbouring pixel centres
 * (one-sided at the viewport border). The linearisation is accurate to second order in the error, i.e. far below the
 * budget's resolution.
 *
 * <p>The exact UVs of every pixel centre are computed once (as floats, what a GPU would see) so that trying several
 * mesh densities costs only the interpolation. Not thread-safe for concurrent {@link #evaluate} calls on one instance.
 */
public final class MeshErrorEvaluator {
    private final EyeProfile eye;
    private final PanelVisibility visible;
    private final int width;
    private final int height;
    /** [channel][(y * width + x) * 2 + axis], exact UV at each pixel centre. */
    private final float[][] exact;

    public MeshErrorEvaluator(EyeProfile eye, PanelVisibility visible) {
        this.eye = eye;
        this.visible = visible;
        this.width = eye.widthPx();
        this.height = eye.heightPx();
        this.exact = new float[3][width * height * 2];
        Fov fov = eye.fov();
        Vector2d render = new Vector2d();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int index = (y * width + x) * 2;
                for (Channel channel : Channel.values()) {
                    eye.model().panelToRender(channel, x + 0.5, y + 0.5, render);
                    exact[channel.ordinal()][index] = (float) fov.toU(render.x);
                    exact[channel.ordinal()][index + 1] = (float) fov.toV(render.y);
                }
            }
        }
    }

    public EyeProfile eye() {
        return eye;
    }

    /** Error of {@code mesh} for every channel, bilinear and triangle interpolation, over every visible pixel. */
    public MeshError evaluate(DistortionMesh mesh) {
        return evaluate(mesh, 1);
    }

    /**
     * As {@link #evaluate(DistortionMesh)} over the visible pixels whose x and y are multiples of {@code stride}: a
     * cheap estimate used to skip densities that are clearly too coarse.
     */
    public MeshError evaluate(DistortionMesh mesh, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        ChannelError[] bilinear = new ChannelError[3];
        ChannelError[] triangles = new ChannelError[3];
        for (Channel channel : Channel.values()) {
            bilinear[channel.ordinal()] = evaluate(mesh, channel, false, stride);
            triangles[channel.ordinal()] = evaluate(mesh, channel, true, stride);
        }
        return new MeshError(bilinear, triangles);
    }

    private ChannelError evaluate(DistortionMesh mesh, Channel channel, boolean triangles, int stride) {
        float[] uv = exact[channel.ordinal()];
        Vector2d meshUv = new Vector2d();
        double[] jacobian = new double[4];
        double max = 0.0;
        double sum = 0.0;
        long count = 0;
        for (int y = 0; y < height; y += stride) {
            for (int x = 0; x < width; x += stride) {
                if (!visible.isVisible(x, y)) {
                    continue;
                }
                if (triangles) {
                    mesh.interpolateTriangles(channel, x + 0.5, y + 0.5, meshUv);
                } else {
                    mesh.interpolate(channel, x + 0.5, y + 0.5, meshUv);
                }
                int index = (y * width + x) * 2;
                double du = meshUv.x - uv[index];
                double dv = meshUv.y - uv[index + 1];
                double error = panelError(uv, x, y, du, dv, jacobian);
                if (!Double.isFinite(error)) {
                    return new ChannelError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
                }
                max = Math.max(max, error);
                sum += error;
                count++;
            }
        }
        return new ChannelError(max, count == 0 ? 0.0 : sum / count);
    }

    /** |J⁻¹ (du, dv)| with J = ∂uv/∂(x, y) from neighbouring pixel centres. */
    private double panelError(float[] uv, int x, int y, double du, double dv, double[] j) {
        difference(uv, x, y, 1, 0, j, 0);
        difference(uv, x, y, 0, 1, j, 2);
        // j = [du/dx, dv/dx, du/dy, dv/dy]
        double det = j[0] * j[3] - j[2] * j[1];
        double dx = (j[3] * du - j[2] * dv) / det;
        double dy = (j[0] * dv - j[1] * du) / det;
        return Vector2d.length(dx, dy);
    }

    private void difference(float[] uv, int x, int y, int sx, int sy, double[] out, int offset) {
        int xa = Math.min(width - 1, x + sx);
        int ya = Math.min(height - 1, y + sy);
        int xb = Math.max(0, x - sx);
        int yb = Math.max(0, y - sy);
        // Prefer a central difference; fall back to one side where a neighbour is off the viewport or not finite.
        if (!finite(uv, xa, ya)) {
            xa = x;
            ya = y;
        }
        if (!finite(uv, xb, yb)) {
            xb = x;
            yb = y;
        }
        int steps = (xa - xb) + (ya - yb);
        int a = (ya * width + xa) * 2;
        int b = (yb * width + xb) * 2;
        out[offset] = (uv[a] - uv[b]) / (double) steps;
        out[offset + 1] = (uv[a + 1] - uv[b + 1]) / (double) steps;
    }

    private boolean finite(float[] uv, int x, int y) {
        int index = (y * width + x) * 2;
        return Float.isFinite(uv[index]) && Float.isFinite(uv[index + 1]);
    }
}
