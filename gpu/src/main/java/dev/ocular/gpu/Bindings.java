package dev.ocular.gpu;

import static org.lwjgl.vulkan.VK10.*;

import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorImageInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * The resources for one dispatch or draw, by binding index, pushed with vkCmdPushDescriptorSetKHR. Build a new one per
 * use (they are small); the referenced resources must outlive the command buffer's execution.
 */
public final class Bindings {
    private sealed interface Entry permits BufferEntry, ImageEntry {
        int binding();
    }

    private record BufferEntry(int binding, int type, long buffer, long offset, long range) implements Entry {
    }

    private record ImageEntry(int binding, int type, long view, long sampler, int layout) implements Entry {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static Bindings create() {
        return new Bindings();
    }

    public Bindings storage(int binding, GpuBuffer buffer) {
        return storage(binding, buffer, 0, VK_WHOLE_SIZE);
    }

    public Bindings storage(int binding, GpuBuffer buffer, long offset, long range) {
        entries.add(new BufferEntry(binding, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, buffer.handle(), offset, range));
        return this;
    }

    public Bindings uniform(int binding, GpuBuffer buffer, long offset, long range) {
        entries.add(new BufferEntry(binding, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, buffer.handle(), offset, range));
        return this;
    }

    /** A combined image sampler; the image must be in {@code layout} when the work runs. */
    public Bindings sampled(int binding, ImageView view, Sampler sampler, int layout) {
        entries.add(new ImageEntry(binding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, view.handle(), sampler.handle(),
                layout));
        return this;
    }

    /** A storage image in GENERAL layout. */
    public Bindings storageImage(int binding, ImageView view) {
        entries.add(new ImageEntry(binding, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, view.handle(), VK_NULL_HANDLE,
                VK_IMAGE_LAYOUT_GENERAL));
        return this;
    }

    int size() {
        return entries.size();
    }

    /**
     * Pushes these descriptors for the pipeline bound at {@code bindPoint} (compute or graphics) with set layout
     * {@code setLayout} (a push-descriptor layout) in {@code pipelineLayout}, set 0.
     */
    public void push(CommandBuffer cb, int bindPoint, PipelineLayout pipelineLayout, DescriptorSetLayout setLayout) {
        cb.requireRecording();
        if (entries.isEmpty()) {
            return;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            org.lwjgl.vulkan.KHRPushDescriptor.vkCmdPushDescriptorSetKHR(cb.handle(), bindPoint,
                    pipelineLayout.handle(), 0, toWrites(stack, setLayout));
        }
    }

    /** Descriptor writes on {@code stack}, checked against the layout's declared types. */
    VkWriteDescriptorSet.Buffer toWrites(MemoryStack stack, DescriptorSetLayout layout) {
        VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(entries.size(), stack);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<Integer> types = layout.types();
            if (e.binding() < 0 || e.binding() >= types.size()) {
                throw new IllegalArgumentException("binding " + e.binding() + " not in layout of " + types.size());
            }
            VkWriteDescriptorSet w = writes.get(i).sType$Default().dstBinding(e.binding()).descriptorCount(1);
            switch (e) {
                case BufferEntry b -> {
                    check(types.get(b.binding()), b.type(), b.binding());
                    w.descriptorType(b.type()).pBufferInfo(VkDescriptorBufferInfo.calloc(1, stack)
                            .buffer(b.buffer()).offset(b.offset()).range(b.range()));
                }
                case ImageEntry img -> {
                    check(types.get(img.binding()), img.type(), img.binding());
                    w.descriptorType(img.type()).pImageInfo(VkDescriptorImageInfo.calloc(1, stack)
                            .imageView(img.view()).sampler(img.sampler()).imageLayout(img.layout()));
                }
            }
        }
        return writes;
    }

    private static void check(int declared, int given, int binding) {
        if (declared != given) {
            throw new IllegalArgumentException("binding " + binding + " is descriptor type " + declared
                    + " in the layout but was given type " + given);
        }
    }
}
