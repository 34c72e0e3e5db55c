package dev.ocular.compositor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderCompiler;
import dev.ocular.gpu.shader.ShaderSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shader variant every module declares compiles (shaderc needs no GPU), and every shader file in the repository
 * is declared by some module's catalog, so no kernel escapes this check.
 */
class AllShadersCompileTest {

    private static List<ShaderCatalog> catalogs() {
        List<ShaderCatalog> all = new ArrayList<>();
        ServiceLoader.load(ShaderCatalog.class).forEach(all::add);
        return all;
    }

    @Test
    void everyDeclaredVariantCompiles() {
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        try (ShaderCompiler compiler = new ShaderCompiler(null)) {
            for (ShaderCatalog catalog : catalogs()) {
                for (ShaderSource variant : catalog.variants()) {
                    try {
                        byte[] spirv = compiler.compile(variant);
                        assertTrue(spirv.length > 20, variant.label());
                        compiled++;
                    } catch (RuntimeException e) {
                        failures.add(catalog.module() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(compiled > 0, "no shader variants found: are the ShaderCatalog services registered?");
    }

    @Test
    void everyShaderFileInTheRepositoryIsInSomeCatalog() throws IOException {
        Path repo = Path.of(System.getProperty("ocular.repo", "..")).toAbsolutePath().normalize();
        Set<String> declared = catalogs().stream().flatMap(c -> c.variants().stream()).map(ShaderSource::resource)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(repo)) {
            files.filter(p -> p.toString().contains("/src/main/resources/"))
                    .filter(p -> p.toString().matches(".*\\.(comp|vert|frag)$"))
                    .forEach(p -> onDisk.add(p.toString().replaceFirst(".*/src/main/resources/", "")));
        }
        assertFalse(onDisk.isEmpty(), "found no shader files under " + repo);
        onDisk.removeAll(declared);
        assertEquals(Set.of(), onDisk, "shader files no ShaderCatalog declares (add them to the module's table)");
    }
}
