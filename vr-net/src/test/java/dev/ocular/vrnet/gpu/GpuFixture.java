package dev.ocular.vrnet.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkClearColorValue;
import org.lwjgl.vulkan.VkImageSubresourceRange;

/** GPU objects a kernel test needs, closed together in reverse order of creation. */
final class GpuFixture implements AutoCloseable {
    /** A float32 NaN, and two binary16 NaNs in one word: what an unwritten output keeps. */
    static final int NAN_F32 = Float.floatToRawIntBits(Float.NaN);
    static final int NAN_F16_PAIR = 0x7e00_7e00;

    final GpuContext gpu;
    final Transfers transfers;
    private final List<AutoCloseable> owned = new ArrayList<>();

    GpuFixture(GpuContext gpu) {
        this.gpu = gpu;
        this.transfers = new Transfers(gpu);
    }

    <T extends AutoCloseable> T own(T thing) {
        owned.add(thing);
        return thing;
    }

    GpuBuffer buffer(long bytes) {
        return own(gpu.buffer(bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.DEVICE_LOCAL));
    }

    Sampler nearest() {
        return own(Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK)));
    }

    /** An image holding {@code data}, in SHADER_READ_ONLY_OPTIMAL (or {@code layout}). */
    GpuImage image(ImageData data, int format, int usage, int layout) {
        GpuImage image = own(gpu.image(ImageSpec.of(data.width(), data.height(), format, usage)));
        transfers.uploadImage(TexelCodec.encode(data, format), image, layout);
        return image;
    }

    GpuImage input(ImageData data, int format) {
        return image(data, format, VK_IMAGE_USAGE_SAMPLED_BIT, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    }

    /** {@code g} in the images a renderer leaves (RGBA16F colour, D32 depth, RG16F motion), as the net's input. */
    EyeGBuffer gbuffer(GBufferData g) {
        return new EyeGBuffer(input(g.colour(), VK_FORMAT_R16G16B16A16_SFLOAT), input(g.depth(), VK_FORMAT_D32_SFLOAT),
                input(g.motion(), VK_FORMAT_R16G16_SFLOAT), 0, g.jitterX(), g.jitterY());
    }

    ImageView arrayView(GpuImage image) {
        return own(ImageView.of(gpu.device(), image, 0, 1, true));
    }

    ImageView view(GpuImage image) {
        return own(ImageView.of(gpu.device(), image));
    }

    /** An RGBA16F storage image in GENERAL layout, every texel NaN. */
    GpuImage poisonedOutput(int width, int height) {
        return poisonedOutput(width, height, EyeOutputs.FORMAT);
    }

    /** A storage image of {@code format} in GENERAL layout, every texel NaN. */
    GpuImage poisonedOutput(int width, int height, int format) {
        GpuImage image = own(gpu.image(ImageSpec.of(width, height, format,
                VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT)));
        gpu.run(cb -> {
            cb.transition(image, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, 0, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                    VK_ACCESS_2_TRANSFER_WRITE_BIT);
            poison(cb, image);
        });
        return image;
    }

    /** Clears an image in GENERAL layout to NaN and orders the clear before later compute work. */
    static void poison(CommandBuffer cb, GpuImage image) {
        // After whatever touched the image before (its layout transition, an earlier frame's compute).
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_WRITE_BIT,
                VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
        try (MemoryStack stack = stackPush()) {
            VkClearColorValue nan = VkClearColorValue.calloc(stack);
            nan.float32(0, Float.NaN).float32(1, Float.NaN).float32(2, Float.NaN).float32(3, Float.NaN);
            VkImageSubresourceRange range = VkImageSubresourceRange.calloc(stack).aspectMask(VK_IMAGE_ASPECT_COLOR_BIT)
                    .baseMipLevel(0).levelCount(1).baseArrayLayer(0).layerCount(1);
            vkCmdClearColorImage(cb.handle(), image.handle(), VK_IMAGE_LAYOUT_GENERAL, nan, range);
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
    }

    /** Orders a fill before later compute work. */
    static void afterFill(CommandBuffer cb) {
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
    }

    void upload(ByteBuffer bytes, GpuBuffer dst) {
        transfers.upload(bytes, dst, 0);
    }

    ImageData download(GpuImage image) {
        return download(image, EyeOutputs.FORMAT);
    }

    ImageData download(GpuImage image, int format) {
        return TexelCodec.decode(transfers.downloadImage(image, TexelCodec.bytesPerTexel(format)), image.width(),
                image.height(), format);
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        owned.clear();
    }
}
