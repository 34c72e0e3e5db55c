package dev.ocular.gpu.shader;

import java.util.Map;
import java.util.TreeMap;

/**
 * A GLSL shader in the class path plus preprocessor defines: one variant of one kernel.
 *
 * @param resource class-path resource path without leading slash, e.g. {@code dev/ocular/vrnet/shaders/conv.comp}
 * @param defines  macro definitions (name → value; empty value for a bare define), kept sorted so equal variants hash
 *                 equally
 */
public record ShaderSource(String resource, ShaderStage stage, Map<String, String> defines) {
    public ShaderSource {
        defines = Map.copyOf(new TreeMap<>(defines));
    }

    public static ShaderSource of(String resource) {
        return new ShaderSource(resource, ShaderStage.ofPath(resource), Map.of());
    }

    public static ShaderSource of(String resource, Map<String, String> defines) {
        return new ShaderSource(resource, ShaderStage.ofPath(resource), defines);
    }

    /** A short label for messages: resource and defines. */
    public String label() {
        return defines.isEmpty() ? resource : resource + " " + new TreeMap<>(defines);
    }
}
