package dev.ocular.scenes.render;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.scenes.scene.MipChain;
import dev.ocular.scenes.scene.Texture;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkBufferImageCopy;

/**
 * A scene texture on the GPU: an RGBA8 image (sRGB or UNORM) with its full mip chain built on the host by
 * {@link MipChain}, and a view of all levels. Left in SHADER_READ_ONLY_OPTIMAL. Owns image and view.
 */
final class GpuTexture implements AutoCloseable {
    private final GpuImage image;
    private final ImageView view;

    private GpuTexture(GpuImage image, ImageView view) {
        this.image = image;
        this.view = view;
    }

    static GpuTexture upload(GpuContext gpu, Texture texture) {
        List<byte[]> levels = MipChain.build(texture);
        int format = texture.srgb() ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
        GpuImage image = gpu.image(new ImageSpec(texture.width(), texture.height(), 1, levels.size(), format,
                VK_IMAGE_USAGE_SAMPLED_BIT));
        ImageView view = null;
        try {
            view = ImageView.of(gpu.device(), image);
            copyLevels(gpu, image, levels);
            return new GpuTexture(image, view);
        } catch (RuntimeException e) {
            if (view != null) {
                view.close();
            }
            image.close();
            throw e;
        }
    }

    private static void copyLevels(GpuContext gpu, GpuImage image, List<byte[]> levels) {
        long total = levels.stream().mapToLong(l -> l.length).sum();
        try (GpuBuffer staging = gpu.buffer(total, 0, MemoryUse.UPLOAD)) {
            var mapped = staging.mapped();
            for (byte[] level : levels) {
                mapped.put(level);
            }
            staging.flush();
            gpu.run(cb -> {
                cb.transition(image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, 0,
                        VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
                try (MemoryStack stack = stackPush()) {
                    VkBufferImageCopy.Buffer regions = VkBufferImageCopy.calloc(levels.size(), stack);
                    long offset = 0;
                    int w = image.width();
                    int h = image.height();
                    for (int i = 0; i < levels.size(); i++) {
                        int level = i;
                        regions.get(i).bufferOffset(offset)
                                .imageSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(level)
                                        .baseArrayLayer(0).layerCount(1))
                                .imageExtent().set(w, h, 1);
                        offset += levels.get(i).length;
                        w = Math.max(1, w / 2);
                        h = Math.max(1, h / 2);
                    }
                    vkCmdCopyBufferToImage(cb.handle(), staging.handle(), image.handle(),
                            VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, regions);
                }
                cb.transition(image, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                        VK_ACCESS_2_SHADER_SAMPLED_READ_BIT);
            });
        }
    }

    ImageView view() {
        return view;
    }

    @Override
    public void close() {
        view.close();
        image.close();
    }
}
