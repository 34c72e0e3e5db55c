package dev.ocular.gpu.shader;

import static org.lwjgl.system.MemoryUtil.*;
import static org.lwjgl.util.shaderc.Shaderc.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lwjgl.util.shaderc.ShadercIncludeResolve;
import org.lwjgl.util.shaderc.ShadercIncludeResult;
import org.lwjgl.util.shaderc.ShadercIncludeResultRelease;

/**
 * GLSL → SPIR-V with shaderc, targeting Vulkan 1.3 / SPIR-V 1.6. Sources and includes come from the class path:
 * {@code #include "x"} is relative to the including file, {@code #include <x>} is relative to the class-path root.
 * Results are cached on disk by a hash of the source, all files it includes (transitively), defines and target, so an
 * edited include recompiles its users. Not thread-safe; instances share the process's native compiler.
 */
public final class ShaderCompiler implements AutoCloseable {
    /** Part of every cache key: bump when compile options change. */
    private static final String TARGET = "ocular-spirv-1|vulkan1.3|spirv1.6|O";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s*([\"<])([^\">]+)[\">]",
            Pattern.MULTILINE);

    private final long compiler;
    private final ClassLoader loader;
    private final SpirvCache cache;
    private final ShadercIncludeResolve resolve;
    private final ShadercIncludeResultRelease release;
    private final AtomicInteger compilations = new AtomicInteger();
    private boolean closed;

    /** @param cache disk cache, or null to always compile */
    public ShaderCompiler(SpirvCache cache) {
        this(cache, ShaderCompiler.class.getClassLoader());
    }

    public ShaderCompiler(SpirvCache cache, ClassLoader loader) {
        this.loader = loader;
        this.cache = cache;
        this.compiler = NativeShaderc.get();
        this.resolve = ShadercIncludeResolve.create(this::resolveInclude);
        this.release = ShadercIncludeResultRelease.create((user, result) -> {
            ShadercIncludeResult r = ShadercIncludeResult.create(result);
            memFree(r.source_name());
            memFree(r.content());
            r.free();
        });
    }

    /** SPIR-V words of {@code source} as bytes (little endian), from the cache when present. */
    public byte[] compile(ShaderSource source) {
        String text = read(source.resource());
        String key = cacheKey(source, text);
        if (cache != null) {
            var hit = cache.get(key);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        byte[] spirv = compileNow(source, text);
        if (cache != null) {
            cache.put(key, spirv);
        }
        return spirv;
    }

    /** How many compilations actually ran shaderc (cache misses) since creation. */
    public int compilations() {
        return compilations.get();
    }

    private byte[] compileNow(ShaderSource source, String text) {
        compilations.incrementAndGet();
        long options = shaderc_compile_options_initialize();
        ByteBuffer src = memUTF8(text, false);
        ByteBuffer name = memUTF8(source.resource(), true);
        ByteBuffer entry = memUTF8("main", true);
        long result = NULL;
        try {
            shaderc_compile_options_set_target_env(options, shaderc_target_env_vulkan, shaderc_env_version_vulkan_1_3);
            shaderc_compile_options_set_target_spirv(options, shaderc_spirv_version_1_6);
            shaderc_compile_options_set_optimization_level(options, shaderc_optimization_level_performance);
            shaderc_compile_options_set_include_callbacks(options, resolve, release, NULL);
            for (Map.Entry<String, String> d : source.defines().entrySet()) {
                shaderc_compile_options_add_macro_definition(options, d.getKey(), d.getValue());
            }
            result = shaderc_compile_into_spv(compiler, src, source.stage().shadercKind(), name, entry, options);
            if (result == NULL) {
                throw new ShaderCompileException("shaderc returned no result for " + source.label());
            }
            if (shaderc_result_get_compilation_status(result) != shaderc_compilation_status_success) {
                throw new ShaderCompileException("shader " + source.label() + " failed to compile:\n"
                        + shaderc_result_get_error_message(result));
            }
            ByteBuffer bytes = shaderc_result_get_bytes(result);
            byte[] spirv = new byte[bytes.remaining()];
            bytes.get(spirv);
            return spirv;
        } finally {
            if (result != NULL) {
                shaderc_result_release(result);
            }
            memFree(src);
            memFree(name);
            memFree(entry);
            shaderc_compile_options_release(options);
        }
    }

    private long resolveInclude(long user, long requested, int type, long requesting, long depth) {
        String wanted = memUTF8(requested);
        String from = memUTF8(requesting);
        String path = resolvePath(wanted, from, type == shaderc_include_type_relative);
        ShadercIncludeResult result = ShadercIncludeResult.malloc();
        String content;
        try {
            content = read(path);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // shaderc reports an include failure as an empty source name with the message as content.
            result.source_name(memUTF8("", false)).content(memUTF8("cannot include " + wanted + " from " + from
                    + ": " + e.getMessage(), false)).user_data(NULL);
            return result.address();
        }
        result.source_name(memUTF8(path, false)).content(memUTF8(content, false)).user_data(NULL);
        return result.address();
    }

    private static String resolvePath(String wanted, String from, boolean relative) {
        if (!relative) {
            return normalise(wanted);
        }
        int slash = from.lastIndexOf('/');
        return normalise(slash < 0 ? wanted : from.substring(0, slash + 1) + wanted);
    }

    private static String normalise(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("include escapes the class-path root: " + path);
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("shader resource not found on the class path: "
                        + resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading shader " + resource, e);
        }
    }

    /** Hash of target, stage, defines, the source and every file it includes (transitively, sorted by path). */
    private String cacheKey(ShaderSource source, String text) {
        Map<String, String> files = new TreeMap<>();
        collectIncludes(source.resource(), text, files);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((TARGET + "|" + source.stage() + "|" + new TreeMap<>(source.defines())).getBytes(
                    StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : files.entrySet()) {
                sha.update(("\u0000" + f.getKey() + "\u0000").getBytes(StandardCharsets.UTF_8));
                sha.update(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private void collectIncludes(String path, String text, Map<String, String> files) {
        if (files.putIfAbsent(path, text) != null) {
            return;
        }
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            String included = resolvePath(m.group(2), path, m.group(1).equals("\""));
            collectIncludes(included, read(included), files);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            resolve.free();
            release.free();
        }
    }
}
