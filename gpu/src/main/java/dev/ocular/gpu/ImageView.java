package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkImageViewCreateInfo;

/** A VkImageView of a {@link GpuImage}: all mips, a layer range (2-D or 2-D array view). */
public final class ImageView implements AutoCloseable {
    private final VkDevice device;
    private final long handle;
    private final GpuImage image;
    private boolean closed;

    private ImageView(VkDevice device, long handle, GpuImage image) {
        this.device = device;
        this.handle = handle;
        this.image = image;
    }

    /** A view of every layer: 2-D when the image has one layer, 2-D array otherwise. */
    public static ImageView of(GpuDevice device, GpuImage image) {
        return of(device, image, 0, image.spec().layers(), image.spec().layers() > 1);
    }

    public static ImageView of(GpuDevice device, GpuImage image, int baseLayer, int layerCount, boolean array) {
        try (MemoryStack stack = stackPush()) {
            VkImageViewCreateInfo info = VkImageViewCreateInfo.calloc(stack).sType$Default()
                    .image(image.handle())
                    .viewType(array ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D)
                    .format(image.format());
            info.subresourceRange().aspectMask(image.aspect() & ~VK_IMAGE_ASPECT_STENCIL_BIT)
                    .baseMipLevel(0).levelCount(image.spec().mipLevels())
                    .baseArrayLayer(baseLayer).layerCount(layerCount);
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateImageView(device.handle(), info, null, handle), "vkCreateImageView");
            return new ImageView(device.handle(), handle.get(0), image);
        }
    }

    public long handle() {
        return handle;
    }

    public GpuImage image() {
        return image;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyImageView(device, handle, null);
        }
    }
}
