package dev.ocular.scenes.render;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test-scenes module's one table of shader variants: each raster program with and without multiview, and the
 * reference downsample kernel. Registered as a {@link ShaderCatalog} service so the compile-everything check sees it.
 */
public final class SceneShaders implements ShaderCatalog {
    static final String ROOT = "dev/ocular/scenes/shaders/";

    /** The raster programs: vertex + fragment pairs sharing frame.glsl. */
    enum Program {
        SCENE("scene"), SKY("sky"), PARTICLE("particle");

        private final String file;

        Program(String file) {
            this.file = file;
        }

        ShaderSource vertex(boolean multiview) {
            return variant(ROOT + file + ".vert", multiview);
        }

        ShaderSource fragment(boolean multiview) {
            return variant(ROOT + file + ".frag", multiview);
        }
    }

    static final ShaderSource BOX_DOWNSAMPLE = ShaderSource.of(ROOT + "box_downsample.comp");

    private static ShaderSource variant(String resource, boolean multiview) {
        return multiview ? ShaderSource.of(resource, Map.of("MULTIVIEW", "1")) : ShaderSource.of(resource);
    }

    @Override
    public String module() {
        return "test-scenes";
    }

    @Override
    public List<ShaderSource> variants() {
        List<ShaderSource> all = new ArrayList<>();
        for (Program p : Program.values()) {
            for (boolean multiview : new boolean[] {false, true}) {
                all.add(p.vertex(multiview));
                all.add(p.fragment(multiview));
            }
        }
        all.add(BOX_DOWNSAMPLE);
        return all;
    }
}
