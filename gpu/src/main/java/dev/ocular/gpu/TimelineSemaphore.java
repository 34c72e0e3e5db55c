package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK12.*;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkSemaphoreCreateInfo;
import org.lwjgl.vulkan.VkSemaphoreTypeCreateInfo;
import org.lwjgl.vulkan.VkSemaphoreWaitInfo;

/** A timeline VkSemaphore: submissions signal increasing values; the host or later submissions wait on them. */
public final class TimelineSemaphore implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private long lastSignalled;
    private boolean closed;

    private TimelineSemaphore(GpuDevice device, long handle, long initial) {
        this.device = device;
        this.handle = handle;
        this.lastSignalled = initial;
    }

    public static TimelineSemaphore create(GpuDevice device, long initialValue) {
        try (MemoryStack stack = stackPush()) {
            VkSemaphoreTypeCreateInfo type = VkSemaphoreTypeCreateInfo.calloc(stack).sType$Default()
                    .semaphoreType(VK_SEMAPHORE_TYPE_TIMELINE).initialValue(initialValue);
            VkSemaphoreCreateInfo info = VkSemaphoreCreateInfo.calloc(stack).sType$Default().pNext(type.address());
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateSemaphore(device.handle(), info, null, handle), "vkCreateSemaphore");
            return new TimelineSemaphore(device, handle.get(0), initialValue);
        }
    }

    public long handle() {
        return handle;
    }

    /** Reserves the next value for a submission to signal. */
    public long nextValue() {
        return ++lastSignalled;
    }

    /** The last value reserved with {@link #nextValue()}. */
    public long lastReserved() {
        return lastSignalled;
    }

    /** The value the device has reached. */
    public long value() {
        try (MemoryStack stack = stackPush()) {
            LongBuffer value = stack.mallocLong(1);
            VulkanException.check(vkGetSemaphoreCounterValue(device.handle(), handle, value),
                    "vkGetSemaphoreCounterValue");
            return value.get(0);
        }
    }

    /** Blocks until the semaphore reaches {@code value}; throws on timeout. */
    public void await(long value, long timeoutNanos) {
        try (MemoryStack stack = stackPush()) {
            VkSemaphoreWaitInfo info = VkSemaphoreWaitInfo.calloc(stack).sType$Default()
                    .semaphoreCount(1).pSemaphores(stack.longs(handle)).pValues(stack.longs(value));
            int result = vkWaitSemaphores(device.handle(), info, timeoutNanos);
            if (result == VK_TIMEOUT) {
                throw new VulkanException("vkWaitSemaphores(value " + value + ", " + timeoutNanos / 1_000_000
                        + " ms)", result);
            }
            VulkanException.check(result, "vkWaitSemaphores");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroySemaphore(device.handle(), handle, null);
        }
    }
}
