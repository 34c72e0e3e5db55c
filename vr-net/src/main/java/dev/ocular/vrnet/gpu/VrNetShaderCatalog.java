package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.shader.ShaderCatalog;
import dev.ocular.gpu.shader.ShaderSource;
import java.util.Arrays;
import java.util.List;

/** vr-net's shader variants for the compile-everything check (registered in META-INF/services). */
public final class VrNetShaderCatalog implements ShaderCatalog {
    @Override
    public String module() {
        return "vr-net";
    }

    @Override
    public List<ShaderSource> variants() {
        return Arrays.stream(VrNetShader.values()).map(VrNetShader::source).toList();
    }
}
