package dev.ocular.gpu.raster;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRPushDescriptor.vkCmdPushDescriptorSetKHR;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.PipelineLayout;
import dev.ocular.gpu.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorImageInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * Descriptors for one draw, pushed into set 0 of a graphics pipeline with vkCmdPushDescriptorSetKHR (the compute
 * counterpart is {@link dev.ocular.gpu.Bindings}, whose push is tied to compute kernels). Build one per draw; the
 * resources must outlive the command buffer's execution.
 */
public final class GraphicsDescriptors {
    private sealed interface Entry permits BufferEntry, ImageEntry {
    }

    private record BufferEntry(int binding, int type, GpuBuffer buffer, long offset, long range) implements Entry {
    }

    private record ImageEntry(int binding, ImageView view, Sampler sampler, int layout) implements Entry {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static GraphicsDescriptors create() {
        return new GraphicsDescriptors();
    }

    public GraphicsDescriptors storage(int binding, GpuBuffer buffer, long offset, long range) {
        entries.add(new BufferEntry(binding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, buffer, offset, range));
        return this;
    }

    public GraphicsDescriptors storage(int binding, GpuBuffer buffer) {
        return storage(binding, buffer, 0, VK_WHOLE_SIZE);
    }

    /** A combined image sampler; the image must be in {@code layout} when the draw runs. */
    public GraphicsDescriptors sampled(int binding, ImageView view, Sampler sampler, int layout) {
        entries.add(new ImageEntry(binding, view, sampler, layout));
        return this;
    }

    /** Pushes every entry into set 0 of {@code layout} for the graphics bind point. */
    public void push(CommandBuffer cb, PipelineLayout layout) {
        cb.requireRecording();
        if (entries.isEmpty()) {
            return;
        }
        try (MemoryStack stack = stackPush()) {
            VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(entries.size(), stack);
            for (int i = 0; i < entries.size(); i++) {
                VkWriteDescriptorSet w = writes.get(i).sType$Default().descriptorCount(1);
                switch (entries.get(i)) {
                    case BufferEntry b -> w.dstBinding(b.binding()).descriptorType(b.type())
                            .pBufferInfo(VkDescriptorBufferInfo.calloc(1, stack).buffer(b.buffer().handle())
                                    .offset(b.offset()).range(b.range()));
                    case ImageEntry img -> w.dstBinding(img.binding())
                            .descriptorType(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER)
                            .pImageInfo(VkDescriptorImageInfo.calloc(1, stack).imageView(img.view().handle())
                                    .sampler(img.sampler().handle()).imageLayout(img.layout()));
                }
            }
            vkCmdPushDescriptorSetKHR(cb.handle(), VK_PIPELINE_BIND_POINT_GRAPHICS, layout.handle(), 0, writes);
        }
    }
}
