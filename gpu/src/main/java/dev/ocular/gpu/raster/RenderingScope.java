package dev.ocular.gpu.raster;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ImageView;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkRect2D;
import org.lwjgl.vulkan.VkRenderingAttachmentInfo;
import org.lwjgl.vulkan.VkRenderingInfo;
import org.lwjgl.vulkan.VkViewport;

/**
 * One dynamic-rendering pass (vkCmdBeginRendering … vkCmdEndRendering) as a try-with-resources scope. Opening it
 * begins rendering into the given attachments and sets viewport and scissor to the whole render area; closing it
 * ends rendering. Attachments must already be in COLOR_ATTACHMENT_OPTIMAL / DEPTH_ATTACHMENT_OPTIMAL layout.
 */
public final class RenderingScope implements AutoCloseable {
    /** A colour attachment, cleared to {@code clear} (RGBA) when given, otherwise loaded. */
    public record Colour(ImageView view, float[] clear) {
    }

    /** The depth attachment, cleared to {@code clearDepth} when {@code clear}, otherwise loaded. */
    public record Depth(ImageView view, boolean clear, float clearDepth) {
        public static Depth cleared(ImageView view, float value) {
            return new Depth(view, true, value);
        }

        /** Keeps the depth an earlier pass wrote (e.g. to depth-test particles against opaque geometry). */
        public static Depth loaded(ImageView view) {
            return new Depth(view, false, 0f);
        }
    }

    private final CommandBuffer cb;
    private boolean ended;

    private RenderingScope(CommandBuffer cb) {
        this.cb = cb;
    }

    /**
     * @param viewMask   multiview mask (0 for a single view); with a non-zero mask the attachments are array views
     *                   with a layer per view
     * @param depth      null for no depth attachment
     */
    public static RenderingScope begin(CommandBuffer cb, int width, int height, int viewMask, List<Colour> colours,
            Depth depth) {
        cb.requireRecording();
        try (MemoryStack stack = stackPush()) {
            VkRenderingAttachmentInfo.Buffer colourInfo = VkRenderingAttachmentInfo.calloc(colours.size(), stack);
            for (int i = 0; i < colours.size(); i++) {
                Colour c = colours.get(i);
                VkRenderingAttachmentInfo a = colourInfo.get(i).sType$Default().imageView(c.view().handle())
                        .imageLayout(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)
                        .loadOp(c.clear() == null ? VK_ATTACHMENT_LOAD_OP_LOAD : VK_ATTACHMENT_LOAD_OP_CLEAR)
                        .storeOp(VK_ATTACHMENT_STORE_OP_STORE);
                if (c.clear() != null) {
                    a.clearValue().color().float32(0, c.clear()[0]).float32(1, c.clear()[1])
                            .float32(2, c.clear()[2]).float32(3, c.clear()[3]);
                }
            }
            VkRenderingInfo info = VkRenderingInfo.calloc(stack).sType$Default()
                    .layerCount(viewMask == 0 ? 1 : 0)
                    .viewMask(viewMask)
                    .pColorAttachments(colourInfo);
            info.renderArea().offset().set(0, 0);
            info.renderArea().extent().set(width, height);
            if (depth != null) {
                VkRenderingAttachmentInfo d = VkRenderingAttachmentInfo.calloc(stack).sType$Default()
                        .imageView(depth.view().handle()).imageLayout(VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL)
                        .loadOp(depth.clear() ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD)
                        .storeOp(VK_ATTACHMENT_STORE_OP_STORE);
                d.clearValue().depthStencil().depth(depth.clearDepth()).stencil(0);
                info.pDepthAttachment(d);
            }
            vkCmdBeginRendering(cb.handle(), info);
            VkViewport.Buffer viewport = VkViewport.calloc(1, stack);
            viewport.get(0).set(0f, 0f, width, height, 0f, 1f);
            vkCmdSetViewport(cb.handle(), 0, viewport);
            VkRect2D.Buffer scissor = VkRect2D.calloc(1, stack);
            scissor.get(0).offset().set(0, 0);
            scissor.get(0).extent().set(width, height);
            vkCmdSetScissor(cb.handle(), 0, scissor);
        }
        return new RenderingScope(cb);
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            vkCmdEndRendering(cb.handle());
        }
    }
}
