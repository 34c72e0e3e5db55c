package dev.ocular.distortion.gpu;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The distortion module's shader variants, in one table: the mesh pass (a vertex and a fragment shader) and the
 * per-pixel kernel once per {@link LensSource}. Registered as a {@link ShaderCatalog} service so the build compiles
 * every variant and no shader file goes unlisted.
 */
public final class DistortionShaderCatalog implements ShaderCatalog {
    private static final String DIRECTORY = "dev/ocular/distortion/shaders/";
    /** Places a mesh vertex in its eye's viewport and passes the three UV pairs on. */
    public static final ShaderSource MESH_VERTEX = ShaderSource.of(DIRECTORY + "panel_mesh.vert");
    /** Samples R, G and B at their interpolated UVs; hidden pixels black. */
    public static final ShaderSource MESH_FRAGMENT = ShaderSource.of(DIRECTORY + "panel_mesh.frag");
    private static final String PER_PIXEL = DIRECTORY + "panel_per_pixel.comp";

    @Override
    public String module() {
        return "distortion";
    }

    /** The per-pixel kernel for one way of finding UVs. */
    public static ShaderSource perPixel(LensSource source) {
        return ShaderSource.of(PER_PIXEL, Map.of("LENS_SOURCE", Integer.toString(source.define())));
    }

    @Override
    public List<ShaderSource> variants() {
        List<ShaderSource> all = new ArrayList<>(List.of(MESH_VERTEX, MESH_FRAGMENT));
        for (LensSource source : LensSource.values()) {
            all.add(perPixel(source));
        }
        return List.copyOf(all);
    }
}
