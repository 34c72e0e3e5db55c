package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK10.VK_SHARING_MODE_EXCLUSIVE;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.vma.VmaAllocationCreateInfo;
import org.lwjgl.util.vma.VmaAllocationInfo;
import org.lwjgl.vulkan.VkBufferCreateInfo;

/**
 * A VkBuffer with its VMA allocation. Host-visible buffers ({@link MemoryUse#UPLOAD}, {@link MemoryUse#READBACK})
 * stay mapped for their lifetime; {@link #mapped()} views that memory (valid until {@link #close()}).
 */
public final class GpuBuffer implements AutoCloseable {
    private final MemoryAllocator allocator;
    private final long handle;
    private final long allocation;
    private final long size;
    private final MemoryUse use;
    private final long mappedAddress;
    private boolean closed;

    private GpuBuffer(MemoryAllocator allocator, long handle, long allocation, long size, MemoryUse use,
            long mappedAddress) {
        this.allocator = allocator;
        this.handle = handle;
        this.allocation = allocation;
        this.size = size;
        this.use = use;
        this.mappedAddress = mappedAddress;
    }

    /**
     * @param usage VkBufferUsageFlags; TRANSFER_SRC/DST are always added so any buffer can be staged and read back
     */
    public static GpuBuffer create(MemoryAllocator allocator, long size, int usage, MemoryUse use) {
        if (size <= 0) {
            throw new IllegalArgumentException("buffer size must be positive, was " + size);
        }
        try (MemoryStack stack = stackPush()) {
            VkBufferCreateInfo info = VkBufferCreateInfo.calloc(stack).sType$Default()
                    .size(size)
                    .usage(usage | org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_TRANSFER_SRC_BIT
                            | org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_TRANSFER_DST_BIT)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            VmaAllocationCreateInfo alloc = VmaAllocationCreateInfo.calloc(stack);
            switch (use) {
                case DEVICE_LOCAL -> alloc.usage(VMA_MEMORY_USAGE_AUTO_PREFER_DEVICE);
                case UPLOAD -> alloc.usage(VMA_MEMORY_USAGE_AUTO)
                        .flags(VMA_ALLOCATION_CREATE_HOST_ACCESS_SEQUENTIAL_WRITE_BIT | VMA_ALLOCATION_CREATE_MAPPED_BIT);
                case READBACK -> alloc.usage(VMA_MEMORY_USAGE_AUTO)
                        .flags(VMA_ALLOCATION_CREATE_HOST_ACCESS_RANDOM_BIT | VMA_ALLOCATION_CREATE_MAPPED_BIT);
            }
            LongBuffer buffer = stack.mallocLong(1);
            PointerBuffer allocation = stack.mallocPointer(1);
            VmaAllocationInfo allocationInfo = VmaAllocationInfo.calloc(stack);
            VulkanException.check(vmaCreateBuffer(allocator.handle(), info, alloc, buffer, allocation, allocationInfo),
                    "vmaCreateBuffer(" + size + " bytes, " + use + ")");
            return new GpuBuffer(allocator, buffer.get(0), allocation.get(0), size, use,
                    use == MemoryUse.DEVICE_LOCAL ? 0 : allocationInfo.pMappedData());
        }
    }

    public long handle() {
        return handle;
    }

    public long size() {
        return size;
    }

    public MemoryUse use() {
        return use;
    }

    /** The mapped memory of a host-visible buffer. */
    public ByteBuffer mapped() {
        if (mappedAddress == 0) {
            throw new IllegalStateException("buffer is " + use + ", not host-visible");
        }
        return MemoryUtil.memByteBuffer(mappedAddress, Math.toIntExact(size));
    }

    /** Makes host writes visible to the device (a no-op on coherent memory). */
    public void flush() {
        vmaFlushAllocation(allocator.handle(), allocation, 0, size);
    }

    /** Makes device writes visible to the host (a no-op on coherent memory). */
    public void invalidate() {
        vmaInvalidateAllocation(allocator.handle(), allocation, 0, size);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vmaDestroyBuffer(allocator.handle(), handle, allocation);
        }
    }
}
