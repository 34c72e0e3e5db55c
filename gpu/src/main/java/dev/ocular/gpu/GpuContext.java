package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.shader.ShaderCompiler;
import dev.ocular.gpu.shader.SpirvCache;
import java.util.List;
import java.util.function.Consumer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBufferSubmitInfo;
import org.lwjgl.vulkan.VkSemaphoreSubmitInfo;
import org.lwjgl.vulkan.VkSubmitInfo2;

/**
 * The one explicit context every GPU class takes: instance (with validation messenger), chosen device and queue, VMA
 * allocator, a command pool, the shader compiler, and a timeline semaphore for host waits. Owns all of them and closes
 * them in reverse order of creation. Single-threaded: record and submit from one thread.
 */
public final class GpuContext implements AutoCloseable {
    /** Host waits longer than this are treated as a hung device. */
    public static final long WAIT_TIMEOUT_NANOS = 120_000_000_000L;

    /** Another submission's timeline value to wait for before this one's work reaches {@code stage2}. */
    public record Wait(TimelineSemaphore semaphore, long value, long stage2) {
    }

    private final GpuOptions options;
    private final VulkanInstance instance;
    private final GpuDevice device;
    private final MemoryAllocator allocator;
    private final CommandPool commandPool;
    private final TimelineSemaphore timeline;
    private final ShaderCompiler shaders;
    private boolean closed;

    private GpuContext(GpuOptions options, VulkanInstance instance, GpuDevice device, MemoryAllocator allocator,
            CommandPool commandPool, TimelineSemaphore timeline, ShaderCompiler shaders) {
        this.options = options;
        this.instance = instance;
        this.device = device;
        this.allocator = allocator;
        this.commandPool = commandPool;
        this.timeline = timeline;
        this.shaders = shaders;
    }

    /** Opens instance, device and helpers; on failure closes whatever was already made. */
    public static GpuContext create(GpuOptions options) {
        VulkanInstance instance = VulkanInstance.create(options, options.bootstrap());
        GpuDevice device = null;
        MemoryAllocator allocator = null;
        CommandPool pool = null;
        TimelineSemaphore timeline = null;
        try {
            List<DeviceCapabilities> devices = DeviceProbe.all(instance.handle());
            DeviceCapabilities chosen = options.bootstrap().choosePhysicalDevice(instance.handle(), devices,
                    options.deviceSelector());
            device = GpuDevice.create(chosen, options.bootstrap());
            allocator = MemoryAllocator.create(instance, device);
            pool = CommandPool.create(device);
            timeline = TimelineSemaphore.create(device, 0);
            ShaderCompiler shaders = new ShaderCompiler(
                    options.spirvCache() == null ? null : new SpirvCache(options.spirvCache()));
            return new GpuContext(options, instance, device, allocator, pool, timeline, shaders);
        } catch (RuntimeException e) {
            throw Acquired.failed(e, timeline, pool, allocator, device, instance);
        }
    }

    public GpuOptions options() {
        return options;
    }

    public VulkanInstance instance() {
        return instance;
    }

    public GpuDevice device() {
        return device;
    }

    public DeviceCapabilities capabilities() {
        return device.capabilities();
    }

    public MemoryAllocator allocator() {
        return allocator;
    }

    public CommandPool commandPool() {
        return commandPool;
    }

    public ShaderCompiler shaders() {
        return shaders;
    }

    public ValidationLog validationLog() {
        return instance.validationLog();
    }

    public TimelineSemaphore timeline() {
        return timeline;
    }

    public GpuBuffer buffer(long size, int usage, MemoryUse use) {
        return GpuBuffer.create(allocator, size, usage, use);
    }

    public GpuImage image(ImageSpec spec) {
        return GpuImage.create(allocator, spec);
    }

    /**
     * Submits {@code cb} (ended) to the queue; it waits for {@code waits} and signals this context's timeline at the
     * returned value. The command buffer stays pending until {@link #await(long, CommandBuffer)}.
     */
    public long submit(CommandBuffer cb, List<Wait> waits) {
        cb.markPending();
        long value = timeline.nextValue();
        try (MemoryStack stack = stackPush()) {
            VkCommandBufferSubmitInfo.Buffer cbs = VkCommandBufferSubmitInfo.calloc(1, stack);
            cbs.get(0).sType$Default().commandBuffer(cb.handle());
            VkSemaphoreSubmitInfo.Buffer signal = VkSemaphoreSubmitInfo.calloc(1, stack);
            signal.get(0).sType$Default().semaphore(timeline.handle()).value(value)
                    .stageMask(VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT);
            VkSemaphoreSubmitInfo.Buffer wait = waits.isEmpty() ? null
                    : VkSemaphoreSubmitInfo.calloc(waits.size(), stack);
            for (int i = 0; i < waits.size(); i++) {
                Wait w = waits.get(i);
                wait.get(i).sType$Default().semaphore(w.semaphore().handle()).value(w.value()).stageMask(w.stage2());
            }
            VkSubmitInfo2.Buffer submit = VkSubmitInfo2.calloc(1, stack);
            submit.get(0).sType$Default().pCommandBufferInfos(cbs).pSignalSemaphoreInfos(signal)
                    .pWaitSemaphoreInfos(wait);
            VulkanException.check(vkQueueSubmit2(device.queue(), submit, 0), "vkQueueSubmit2");
        }
        return value;
    }

    /** Waits for a value returned by {@link #submit} and marks {@code cb} complete. */
    public void await(long value, CommandBuffer cb) {
        timeline.await(value, WAIT_TIMEOUT_NANOS);
        cb.markComplete();
    }

    /** Records with {@code recorder} into a fresh command buffer, submits it, waits for completion and frees it. */
    public void run(Consumer<CommandBuffer> recorder) {
        try (CommandBuffer cb = commandPool.allocate()) {
            cb.begin();
            recorder.accept(cb);
            cb.end();
            await(submit(cb, List.of()), cb);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        device.waitIdle();
        shaders.close();
        timeline.close();
        commandPool.close();
        allocator.close();
        device.close();
        instance.close();
    }
}
