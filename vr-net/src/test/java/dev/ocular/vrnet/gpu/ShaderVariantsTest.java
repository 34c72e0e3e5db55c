package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderCompiler;
import dev.ocular.gpu.shader.ShaderSource;
import dev.ocular.gpu.shader.SpirvOps;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** shaderc needs no GPU: every variant compiles, and only the coopmat ones use OpCooperativeMatrixMulAddKHR. */
class ShaderVariantsTest {

    @Test
    void catalogIsRegisteredAndListsEveryShaderFile() throws Exception {
        ShaderCatalog catalog = ServiceLoader.load(ShaderCatalog.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.module().equals("vr-net")).findFirst().orElseThrow();
        assertEquals(VrNetShader.values().length, catalog.variants().size());
        URI dir = getClass().getClassLoader().getResource(VrNetShader.DIRECTORY).toURI();
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".comp"))
                    .collect(Collectors.toSet());
        }
        Set<String> listed = catalog.variants().stream()
                .map(s -> s.resource().substring(VrNetShader.DIRECTORY.length())).collect(Collectors.toSet());
        assertEquals(files, listed);
    }

    @Test
    void everyVariantCompilesAndOnlyCoopMatOnesMultiplyOnTensorCores() {
        try (ShaderCompiler compiler = new ShaderCompiler(null)) {
            for (VrNetShader shader : VrNetShader.values()) {
                ShaderSource source = shader.source();
                byte[] spirv = compiler.compile(source);
                boolean coopmat = shader == VrNetShader.CONV_COOPMAT_F32_ACC
                        || shader == VrNetShader.CONV_COOPMAT_F16_ACC;
                assertEquals(coopmat, SpirvOps.contains(spirv, SpirvOps.OP_COOPERATIVE_MATRIX_MUL_ADD_KHR),
                        source.label());
                assertTrue(spirv.length > 100, source.label());
            }
        }
    }
}
