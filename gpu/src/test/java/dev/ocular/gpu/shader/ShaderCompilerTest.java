package dev.ocular.gpu.shader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shaderc needs no GPU: these run everywhere. */
class ShaderCompilerTest {
    @TempDir
    Path dir;

    private ClassLoader loaderOver(Path root) throws Exception {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void includesResolveAndTheCacheTracksIncludedFiles() throws Exception {
        Path src = dir.resolve("src");
        write(src, "k/shaders/common.glsl", "const float SCALE = 2.0;\n");
        write(src, "k/shaders/main.comp", """
                #version 460
                #include "common.glsl"
                layout(local_size_x = 1) in;
                layout(std430, binding = 0) buffer B { float v[]; };
                void main() { v[0] = SCALE * VALUE; }
                """);
        SpirvCache cache = new SpirvCache(dir.resolve("cache"));
        ShaderSource source = ShaderSource.of("k/shaders/main.comp", Map.of("VALUE", "3.0"));
        byte[] first;
        try (ShaderCompiler compiler = new ShaderCompiler(cache, loaderOver(src))) {
            first = compiler.compile(source);
            byte[] again = compiler.compile(source);
            assertArrayEquals(first, again);
            assertEquals(1, compiler.compilations(), "second compile should come from the disk cache");
        }
        write(src, "k/shaders/common.glsl", "const float SCALE = 4.0;\n");
        try (ShaderCompiler compiler = new ShaderCompiler(cache, loaderOver(src))) {
            byte[] changed = compiler.compile(source);
            assertEquals(1, compiler.compilations(), "an edited include must invalidate the cached module");
            assertTrue(!java.util.Arrays.equals(first, changed), "edited include produced identical SPIR-V");
        }
    }

    @Test
    void compileErrorNamesTheShaderAndVariant() throws Exception {
        Path src = dir.resolve("src");
        write(src, "bad.comp", "#version 460\nlayout(local_size_x = 1) in;\nvoid main() { undefined_call(); }\n");
        try (ShaderCompiler compiler = new ShaderCompiler(null, loaderOver(src))) {
            ShaderCompileException e = assertThrows(ShaderCompileException.class,
                    () -> compiler.compile(ShaderSource.of("bad.comp", Map.of("X", "1"))));
            assertTrue(e.getMessage().contains("bad.comp") && e.getMessage().contains("X=1"), e.getMessage());
        }
    }

    @Test
    void spirvOpsFindsCooperativeMatrixInstructionsOnlyWhereUsed() throws Exception {
        try (ShaderCompiler compiler = new ShaderCompiler(null)) {
            byte[] gemm = compiler.compile(ShaderSource.of("dev/ocular/gpu/shaders/gemm_coopmat.comp"));
            assertTrue(SpirvOps.count(gemm, SpirvOps.OP_COOPERATIVE_MATRIX_MUL_ADD_KHR) >= 1);
            Path src = dir.resolve("plain");
            write(src, "p.comp", "#version 460\nlayout(local_size_x = 1) in;\nvoid main() {}\n");
            try (ShaderCompiler plain = new ShaderCompiler(null, loaderOver(src))) {
                assertEquals(0, SpirvOps.count(plain.compile(ShaderSource.of("p.comp")),
                        SpirvOps.OP_COOPERATIVE_MATRIX_MUL_ADD_KHR));
            }
        }
    }
}
