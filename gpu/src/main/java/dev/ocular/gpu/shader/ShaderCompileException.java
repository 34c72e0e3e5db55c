package dev.ocular.gpu.shader;

/** A shader failed to compile; the message holds the variant and shaderc's diagnostics. */
public final class ShaderCompileException extends RuntimeException {
    public ShaderCompileException(String message) {
        super(message);
    }
}
