package dev.ocular.gpu.shader;

import static org.lwjgl.system.MemoryUtil.NULL;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compiler_initialize;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compiler_release;

/**
 * The one native shaderc compiler of the process, shared by reference count. shaderc compilers share glslang's
 * process-wide state: releasing one while another lives (a test's private {@link ShaderCompiler} beside the device's)
 * made the later release segfault in libc. This is the codebase's only static mutable state, and it mirrors a
 * process-wide native resource; every other object is owned explicitly.
 */
final class NativeShaderc {
    private static final Object LOCK = new Object();
    private static long compiler = NULL;
    private static int users;

    private NativeShaderc() {
    }

    static long acquire() {
        synchronized (LOCK) {
            if (users == 0) {
                compiler = shaderc_compiler_initialize();
                if (compiler == NULL) {
                    throw new IllegalStateException("shaderc_compiler_initialize failed");
                }
            }
            users++;
            return compiler;
        }
    }

    static void release() {
        synchronized (LOCK) {
            if (users <= 0) {
                throw new IllegalStateException("shaderc released more often than acquired");
            }
            if (--users == 0) {
                shaderc_compiler_release(compiler);
                compiler = NULL;
            }
        }
    }
}
