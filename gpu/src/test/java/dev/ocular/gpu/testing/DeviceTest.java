package dev.ocular.gpu.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs on the Vulkan device: it receives the JVM's shared {@link dev.ocular.gpu.GpuContext}
 * (validation layer on, synchronization validation on) as a parameter, fails on any validation message, and fails on
 * LWJGL allocations it leaks (debug allocator, see the surefire argLine).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("device")
@ExtendWith(GpuTestExtension.class)
public @interface DeviceTest {
}
