package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRPushDescriptor.VK_DESCRIPTOR_SET_LAYOUT_CREATE_PUSH_DESCRIPTOR_BIT_KHR;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;

/**
 * A push-descriptor VkDescriptorSetLayout: binding i has descriptor type {@code types.get(i)}, one descriptor each.
 * ocular pushes descriptors per dispatch (VK_KHR_push_descriptor), so there are no pools or sets to manage.
 */
public final class DescriptorSetLayout implements AutoCloseable {
    private final GpuDevice device;
    private final long handle;
    private final List<Integer> types;
    private boolean closed;

    private DescriptorSetLayout(GpuDevice device, long handle, List<Integer> types) {
        this.device = device;
        this.handle = handle;
        this.types = types;
    }

    /** @param types VkDescriptorType per binding; @param stages VkShaderStageFlags that see them */
    public static DescriptorSetLayout createPush(GpuDevice device, List<Integer> types, int stages) {
        try (MemoryStack stack = stackPush()) {
            VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(types.size(), stack);
            for (int i = 0; i < types.size(); i++) {
                bindings.get(i).binding(i).descriptorType(types.get(i)).descriptorCount(1).stageFlags(stages);
            }
            VkDescriptorSetLayoutCreateInfo info = VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_DESCRIPTOR_SET_LAYOUT_CREATE_PUSH_DESCRIPTOR_BIT_KHR)
                    .pBindings(bindings);
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateDescriptorSetLayout(device.handle(), info, null, handle),
                    "vkCreateDescriptorSetLayout");
            return new DescriptorSetLayout(device, handle.get(0), List.copyOf(types));
        }
    }

    public long handle() {
        return handle;
    }

    public List<Integer> types() {
        return types;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyDescriptorSetLayout(device.handle(), handle, null);
        }
    }
}
