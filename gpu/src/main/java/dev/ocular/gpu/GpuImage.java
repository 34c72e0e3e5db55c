package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.vma.VmaAllocationCreateInfo;
import org.lwjgl.vulkan.VkImageCreateInfo;

/**
 * A 2-D VkImage (optionally an array and mip chain) with its VMA allocation, or a wrapped image owned by someone else
 * (an OpenXR swapchain image). Tracks the layout it was last transitioned to by {@link CommandBuffer#transition}, so
 * barriers can name the old layout; the tracked layout is per image, not per subresource.
 */
public final class GpuImage implements AutoCloseable {
    private final MemoryAllocator allocator;
    private final long handle;
    private final long allocation;
    private final ImageSpec spec;
    private int layout;
    private boolean closed;

    private GpuImage(MemoryAllocator allocator, long handle, long allocation, ImageSpec spec, int layout) {
        this.allocator = allocator;
        this.handle = handle;
        this.allocation = allocation;
        this.spec = spec;
        this.layout = layout;
    }

    public static GpuImage create(MemoryAllocator allocator, ImageSpec spec) {
        try (MemoryStack stack = stackPush()) {
            VkImageCreateInfo info = VkImageCreateInfo.calloc(stack).sType$Default()
                    .imageType(VK_IMAGE_TYPE_2D)
                    .format(spec.format())
                    .mipLevels(spec.mipLevels())
                    .arrayLayers(spec.layers())
                    .samples(VK_SAMPLE_COUNT_1_BIT)
                    .tiling(VK_IMAGE_TILING_OPTIMAL)
                    .usage(spec.usage() | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE)
                    .initialLayout(VK_IMAGE_LAYOUT_UNDEFINED);
            info.extent().set(spec.width(), spec.height(), 1);
            VmaAllocationCreateInfo alloc = VmaAllocationCreateInfo.calloc(stack).usage(VMA_MEMORY_USAGE_AUTO_PREFER_DEVICE);
            LongBuffer image = stack.mallocLong(1);
            PointerBuffer allocation = stack.mallocPointer(1);
            VulkanException.check(vmaCreateImage(allocator.handle(), info, alloc, image, allocation, null),
                    "vmaCreateImage(" + spec + ")");
            return new GpuImage(allocator, image.get(0), allocation.get(0), spec, VK_IMAGE_LAYOUT_UNDEFINED);
        }
    }

    /** Wraps an image owned elsewhere (e.g. an OpenXR swapchain image); {@link #close()} does not destroy it. */
    public static GpuImage wrap(long handle, ImageSpec spec, int currentLayout) {
        return new GpuImage(null, handle, 0, spec, currentLayout);
    }

    public long handle() {
        return handle;
    }

    public ImageSpec spec() {
        return spec;
    }

    public int width() {
        return spec.width();
    }

    public int height() {
        return spec.height();
    }

    public int format() {
        return spec.format();
    }

    public int layout() {
        return layout;
    }

    void layout(int newLayout) {
        this.layout = newLayout;
    }

    /**
     * Declares the layout an externally owned image is in now (e.g. an OpenXR swapchain image is handed over in
     * COLOR_ATTACHMENT_OPTIMAL at every acquire), without recording a transition.
     */
    public void assumeLayout(int currentLayout) {
        if (allocator != null) {
            throw new IllegalStateException("assumeLayout is for wrapped images; ocular tracks its own images' layouts");
        }
        this.layout = currentLayout;
    }

    /** The aspect of the whole image: depth for depth formats, colour otherwise. */
    public int aspect() {
        return switch (spec.format()) {
            case VK_FORMAT_D32_SFLOAT, VK_FORMAT_D16_UNORM, VK_FORMAT_X8_D24_UNORM_PACK32 -> VK_IMAGE_ASPECT_DEPTH_BIT;
            case VK_FORMAT_D24_UNORM_S8_UINT, VK_FORMAT_D32_SFLOAT_S8_UINT ->
                    VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT;
            default -> VK_IMAGE_ASPECT_COLOR_BIT;
        };
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (allocator != null) {
                vmaDestroyImage(allocator.handle(), handle, allocation);
            }
        }
    }
}
