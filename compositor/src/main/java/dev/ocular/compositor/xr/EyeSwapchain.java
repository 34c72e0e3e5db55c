package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XrSwapchain;
import org.lwjgl.openxr.XrSwapchainCreateInfo;
import org.lwjgl.openxr.XrSwapchainImageAcquireInfo;
import org.lwjgl.openxr.XrSwapchainImageBaseHeader;
import org.lwjgl.openxr.XrSwapchainImageReleaseInfo;
import org.lwjgl.openxr.XrSwapchainImageVulkanKHR;
import org.lwjgl.openxr.XrSwapchainImageWaitInfo;
import org.lwjgl.system.MemoryStack;

/**
 * One eye's XrSwapchain and its Vulkan images (wrapped, owned by the runtime). Enforces the acquire → wait →
 * release order: at most one image is held at a time, and a wait that times out is retried on the same image.
 * After {@link #acquire()} the image is in COLOR_ATTACHMENT_OPTIMAL and must be returned in that layout.
 */
public final class EyeSwapchain implements AutoCloseable {
    /** How long one xrWaitSwapchainImage may block before it is retried (XR_TIMEOUT_EXPIRED is a success code). */
    private static final long WAIT_NANOS = 100_000_000L;
    private static final int MAX_WAIT_RETRIES = 50;

    private final XrSwapchain handle;
    private final List<GpuImage> images;
    private final int width;
    private final int height;
    private final int format;
    private int acquired = -1;
    private boolean closed;

    private EyeSwapchain(XrSwapchain handle, List<GpuImage> images, int width, int height, int format) {
        this.handle = handle;
        this.images = images;
        this.width = width;
        this.height = height;
        this.format = format;
    }

    public static EyeSwapchain create(OpenXrSession session, int width, int height, int vkFormat) {
        try (MemoryStack stack = stackPush()) {
            XrSwapchainCreateInfo info = XrSwapchainCreateInfo.calloc(stack).type$Default()
                    .usageFlags(XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT
                            | XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT)
                    .format(vkFormat).sampleCount(1).width(width).height(height).faceCount(1).arraySize(1)
                    .mipCount(1);
            PointerBuffer handle = stack.mallocPointer(1);
            XrException.check(xrCreateSwapchain(session.handle(), info, handle), "xrCreateSwapchain");
            XrSwapchain swapchain = new XrSwapchain(handle.get(0), session.handle());
            try {
                IntBuffer count = stack.mallocInt(1);
                XrException.check(xrEnumerateSwapchainImages(swapchain, count, null), "xrEnumerateSwapchainImages");
                XrSwapchainImageVulkanKHR.Buffer vk = XrSwapchainImageVulkanKHR.calloc(count.get(0), stack);
                vk.forEach(i -> i.type$Default());
                XrException.check(xrEnumerateSwapchainImages(swapchain, count,
                        XrSwapchainImageBaseHeader.create(vk.address(), count.get(0))), "xrEnumerateSwapchainImages");
                ImageSpec spec = new ImageSpec(width, height, 1, 1, vkFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT);
                List<GpuImage> images = new ArrayList<>();
                vk.forEach(i -> images.add(GpuImage.wrap(i.image(), spec, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)));
                return new EyeSwapchain(swapchain, List.copyOf(images), width, height, vkFormat);
            } catch (RuntimeException e) {
                xrDestroySwapchain(swapchain);
                throw e;
            }
        }
    }

    /** Acquires and waits for the next image; returns it, in COLOR_ATTACHMENT_OPTIMAL layout. */
    public GpuImage acquire() {
        if (acquired >= 0) {
            throw new IllegalStateException("swapchain image " + acquired + " is still held; release it first");
        }
        try (MemoryStack stack = stackPush()) {
            IntBuffer index = stack.mallocInt(1);
            XrException.check(xrAcquireSwapchainImage(handle,
                    XrSwapchainImageAcquireInfo.calloc(stack).type$Default(), index), "xrAcquireSwapchainImage");
            XrSwapchainImageWaitInfo wait = XrSwapchainImageWaitInfo.calloc(stack).type$Default().timeout(WAIT_NANOS);
            int tries = 0;
            while (XrException.check(xrWaitSwapchainImage(handle, wait), "xrWaitSwapchainImage")
                    == XR_TIMEOUT_EXPIRED) {
                if (++tries > MAX_WAIT_RETRIES) {
                    throw new XrException("xrWaitSwapchainImage (gave up after " + tries + " timeouts)",
                            XR_TIMEOUT_EXPIRED);
                }
            }
            acquired = index.get(0);
            GpuImage image = images.get(acquired);
            image.assumeLayout(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
            return image;
        }
    }

    /** Releases the held image; the GPU work writing it must already be complete. */
    public void release() {
        if (acquired < 0) {
            throw new IllegalStateException("no swapchain image is held");
        }
        try (MemoryStack stack = stackPush()) {
            XrException.check(xrReleaseSwapchainImage(handle,
                    XrSwapchainImageReleaseInfo.calloc(stack).type$Default()), "xrReleaseSwapchainImage");
        }
        acquired = -1;
    }

    public boolean holdsImage() {
        return acquired >= 0;
    }

    public XrSwapchain handle() {
        return handle;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int format() {
        return format;
    }

    public int imageCount() {
        return images.size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            xrDestroySwapchain(handle);
        }
    }
}
