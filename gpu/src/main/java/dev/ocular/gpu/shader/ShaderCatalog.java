package dev.ocular.gpu.shader;

import java.util.List;

/**
 * A module's table of shader variants: every (file, defines) pair the module compiles at run time. Modules register
 * theirs in {@code META-INF/services/dev.ocular.gpu.shader.ShaderCatalog}; the compile-everything test loads all
 * catalogs, compiles each variant, and fails on any shader file in the repository that no catalog lists.
 */
public interface ShaderCatalog {
    /** The Maven module that owns these shaders, e.g. {@code gpu}. */
    String module();

    List<ShaderSource> variants();
}
