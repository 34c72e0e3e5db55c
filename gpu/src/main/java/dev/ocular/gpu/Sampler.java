package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkSamplerCreateInfo;

/** A VkSampler. */
public final class Sampler implements AutoCloseable {
    /** How a sampler filters and addresses; {@code mipLodBias} is what upscalers lower by log2(ratio). */
    public record Config(boolean linear, boolean mipmaps, float mipLodBias, int addressMode, int borderColor) {
        public static Config linearClamp() {
            return new Config(true, false, 0f, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK);
        }

        public static Config linearBorderBlack() {
            return new Config(true, false, 0f, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER,
                    VK_BORDER_COLOR_FLOAT_OPAQUE_BLACK);
        }

        public static Config trilinearRepeat(float lodBias) {
            return new Config(true, true, lodBias, VK_SAMPLER_ADDRESS_MODE_REPEAT, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK);
        }
    }

    private final VkDevice device;
    private final long handle;
    private boolean closed;

    private Sampler(VkDevice device, long handle) {
        this.device = device;
        this.handle = handle;
    }

    public static Sampler create(GpuDevice device, Config config) {
        try (MemoryStack stack = stackPush()) {
            int filter = config.linear() ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
            VkSamplerCreateInfo info = VkSamplerCreateInfo.calloc(stack).sType$Default()
                    .magFilter(filter).minFilter(filter)
                    .mipmapMode(config.linear() ? VK_SAMPLER_MIPMAP_MODE_LINEAR : VK_SAMPLER_MIPMAP_MODE_NEAREST)
                    .addressModeU(config.addressMode()).addressModeV(config.addressMode())
                    .addressModeW(config.addressMode())
                    .mipLodBias(config.mipLodBias())
                    .minLod(0f).maxLod(config.mipmaps() ? VK_LOD_CLAMP_NONE : 0f)
                    .borderColor(config.borderColor());
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateSampler(device.handle(), info, null, handle), "vkCreateSampler");
            return new Sampler(device.handle(), handle.get(0));
        }
    }

    public long handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroySampler(device, handle, null);
        }
    }
}
