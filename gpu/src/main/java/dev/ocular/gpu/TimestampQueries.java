package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK12.vkResetQueryPool;
import static org.lwjgl.vulkan.VK13.vkCmdWriteTimestamp2;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkQueryPoolCreateInfo;

/**
 * A timestamp VkQueryPool. Reset it from the host ({@link #resetAll()}, hostQueryReset is enabled) before the
 * submission that writes it, write pairs around GPU work, and read nanoseconds after the submission completed.
 */
public final class TimestampQueries implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private final int count;
    private final double nanosPerTick;
    private final long validMask;
    private boolean closed;

    private TimestampQueries(GpuDevice device, long handle, int count, double nanosPerTick, long validMask) {
        this.device = device;
        this.handle = handle;
        this.count = count;
        this.nanosPerTick = nanosPerTick;
        this.validMask = validMask;
    }

    public static TimestampQueries create(GpuDevice device, int count) {
        int timestampValidBits = device.capabilities().timestampValidBits();
        if (timestampValidBits == 0) {
            throw new GpuSetupException("device " + device.capabilities().name() + " has no timestamps on its queue");
        }
        try (MemoryStack stack = stackPush()) {
            VkQueryPoolCreateInfo info = VkQueryPoolCreateInfo.calloc(stack).sType$Default()
                    .queryType(VK_QUERY_TYPE_TIMESTAMP).queryCount(count);
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateQueryPool(device.handle(), info, null, handle), "vkCreateQueryPool");
            long mask = timestampValidBits >= 64 ? -1L : (1L << timestampValidBits) - 1;
            TimestampQueries q = new TimestampQueries(device, handle.get(0), count,
                    device.capabilities().timestampPeriod(), mask);
            q.resetAll();
            return q;
        }
    }

    public int count() {
        return count;
    }

    public void resetAll() {
        vkResetQueryPool(device.handle(), handle, 0, count);
    }

    /** Records a timestamp written once all earlier commands reach {@code stage2} (a VK_PIPELINE_STAGE_2_* bit). */
    public void write(CommandBuffer cb, long stage2, int index) {
        cb.requireRecording();
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("timestamp " + index + " of " + count);
        }
        vkCmdWriteTimestamp2(cb.handle(), stage2, handle, index);
    }

    /** Reads queries [0, n) as nanoseconds on the device clock (waits until available). */
    public long[] readNanos(int n) {
        try (MemoryStack stack = stackPush()) {
            LongBuffer ticks = stack.mallocLong(n);
            VulkanException.check(vkGetQueryPoolResults(device.handle(), handle, 0, n, ticks, Long.BYTES,
                    VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT), "vkGetQueryPoolResults");
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                nanos[i] = Math.round((ticks.get(i) & validMask) * nanosPerTick);
            }
            return nanos;
        }
    }

    /**
     * Reads every query without waiting, after the submission that wrote them completed: nanoseconds, or −1 for
     * queries that were reset but not written (waiting on those would block forever).
     */
    public long[] readAvailable() {
        try (MemoryStack stack = stackPush()) {
            LongBuffer values = stack.mallocLong(2 * count);
            int result = vkGetQueryPoolResults(device.handle(), handle, 0, count, values, 2L * Long.BYTES,
                    VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WITH_AVAILABILITY_BIT);
            if (result != VK_SUCCESS && result != VK_NOT_READY) {
                VulkanException.check(result, "vkGetQueryPoolResults");
            }
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                nanos[i] = values.get(2 * i + 1) != 0 ? Math.round((values.get(2 * i) & validMask) * nanosPerTick) : -1;
            }
            return nanos;
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyQueryPool(device.handle(), handle, null);
        }
    }
}
