package dev.ocular.compositor.upscale;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.ArrayList;
import java.util.List;

/** The compositor module's shader variants: one table. */
public final class CompositorShaderCatalog implements ShaderCatalog {
    @Override
    public String module() {
        return "compositor";
    }

    @Override
    public List<ShaderSource> variants() {
        List<ShaderSource> all = new ArrayList<>();
        for (ResampleKernel k : ResampleKernel.values()) {
            all.add(ResampleUpscaler.variant(k));
        }
        all.addAll(SpatialUpscaler.variants());
        return all;
    }
}
