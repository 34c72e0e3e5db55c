package dev.ocular.gpu.shader;

import static org.lwjgl.system.MemoryUtil.NULL;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compiler_initialize;

/**
 * The one native shaderc compiler of the process, created on first use and kept until the process exits. shaderc's
 * compilers share glslang's process-wide state, which does not survive being finalised and initialised again: a
 * compiler released before another was created made that later one's release segfault in libc (seen with a test's
 * private {@link ShaderCompiler} closed before the device's was made). Keeping one native compiler for the whole
 * process avoids both that and concurrent finalisation. This is the codebase's only static mutable state; it mirrors
 * a process-wide native resource, and every other object is owned explicitly.
 */
final class NativeShaderc {
    private static final Object LOCK = new Object();
    private static long compiler = NULL;

    private NativeShaderc() {
    }

    static long get() {
        synchronized (LOCK) {
            if (compiler == NULL) {
                compiler = shaderc_compiler_initialize();
                if (compiler == NULL) {
                    throw new IllegalStateException("shaderc_compiler_initialize failed");
                }
            }
            return compiler;
        }
    }
}
