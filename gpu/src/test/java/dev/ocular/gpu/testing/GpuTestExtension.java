package dev.ocular.gpu.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.ValidationLog;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryUtil;

/**
 * One {@link GpuContext} per JVM for every device test, closed when the test run ends. Before each test the
 * validation log is cleared and after it any message fails the test; after each test class, LWJGL allocations made
 * during the class and still live fail the class (requires -Dorg.lwjgl.util.DebugAllocator=true, which the build's
 * surefire argLine sets; without it this extension refuses to run so a leak can't pass silently). Allocations VMA
 * makes for its own bookkeeping are left to the exit-time check, because VMA frees them only with the allocator.
 */
public final class GpuTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GpuTestExtension.class);

    /** Holds the shared context in the root store; JUnit closes it at the end of the run. */
    private record Shared(GpuContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    static GpuContext shared(ExtensionContext extension) {
        return extension.getRoot().getStore(NS)
                .getOrComputeIfAbsent("context", k -> new Shared(GpuContext.create(GpuOptions.forTests())),
                        Shared.class).context();
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        if (!Boolean.TRUE.equals(Configuration.DEBUG_MEMORY_ALLOCATOR.get())) {
            fail("device tests need -Dorg.lwjgl.util.DebugAllocator=true (set by the Maven build's argLine)");
        }
        GpuContext context = shared(extension);
        context.validationLog().clear();
        extension.getStore(NS).put("live", liveAllocations());
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        @SuppressWarnings("unchecked")
        Map<Long, String> before = extension.getStore(NS).get("live", Map.class);
        Map<Long, String> after = liveAllocations();
        after.keySet().removeAll(before.keySet());
        if (!after.isEmpty()) {
            fail(after.size() + " LWJGL allocation(s) made by " + extension.getDisplayName() + " leaked:\n"
                    + after.values().stream().limit(5).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        shared(extension).validationLog().clear();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        ValidationLog log = shared(extension).validationLog();
        int count = log.count();
        if (count > 0) {
            String messages = log.messages().stream().map(Object::toString).collect(Collectors.joining("\n"));
            log.clear();
            fail("validation layer reported " + count + " message(s) in " + extension.getDisplayName()
                    + ":\n" + messages);
        }
    }

    private static Map<Long, String> liveAllocations() {
        Map<Long, String> live = new HashMap<>();
        MemoryUtil.memReport((address, memory, threadId, threadName, stack) -> {
            // VMA keeps freed blocks' bookkeeping until the allocator is destroyed; those belong to the shared context,
            // whose destruction at JVM exit is checked by ./ocular test (LWJGL prints leaks at exit).
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("org.lwjgl.util.vma.")) {
                    return;
                }
            }
            StringBuilder where = new StringBuilder(memory + " bytes at 0x" + Long.toHexString(address) + " by "
                    + threadName);
            for (int i = 0; i < Math.min(6, stack.length); i++) {
                where.append("\n    at ").append(stack[i]);
            }
            live.put(address, where.toString());
        });
        return live;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == GpuContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared(extension);
    }
}
