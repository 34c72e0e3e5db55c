package dev.ocular.distortion.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderCompiler;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Every variant in the module's table compiles (shaderc needs no GPU), and the table is registered as a service. */
class DistortionShadersCompileTest {

    @Test
    void everyVariantCompiles() {
        try (ShaderCompiler compiler = new ShaderCompiler(null)) {
            for (ShaderSource variant : new DistortionShaderCatalog().variants()) {
                assertTrue(compiler.compile(variant).length > 20, variant.label());
            }
        }
    }

    @Test
    void theCatalogIsAService() {
        long found = ServiceLoader.load(ShaderCatalog.class).stream()
                .filter(p -> p.type() == DistortionShaderCatalog.class).count();
        assertEquals(1, found);
        assertEquals(2 + LensSource.values().length, new DistortionShaderCatalog().variants().size());
    }
}
