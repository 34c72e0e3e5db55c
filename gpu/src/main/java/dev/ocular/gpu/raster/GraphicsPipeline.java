package dev.ocular.gpu.raster;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuDevice;
import dev.ocular.gpu.PipelineLayout;
import dev.ocular.gpu.ShaderModule;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.VulkanException;
import dev.ocular.gpu.shader.ShaderSource;
import dev.ocular.gpu.shader.ShaderStage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkGraphicsPipelineCreateInfo;
import org.lwjgl.vulkan.VkPipelineColorBlendAttachmentState;
import org.lwjgl.vulkan.VkPipelineColorBlendStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineDepthStencilStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineDynamicStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineInputAssemblyStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineMultisampleStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineRasterizationStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineRenderingCreateInfo;
import org.lwjgl.vulkan.VkPipelineShaderStageCreateInfo;
import org.lwjgl.vulkan.VkPipelineVertexInputStateCreateInfo;
import org.lwjgl.vulkan.VkPipelineViewportStateCreateInfo;
import org.lwjgl.vulkan.VkSpecializationInfo;
import org.lwjgl.vulkan.VkSpecializationMapEntry;
import org.lwjgl.vulkan.VkVertexInputAttributeDescription;
import org.lwjgl.vulkan.VkVertexInputBindingDescription;

/**
 * A graphics VkPipeline for dynamic rendering (no render pass objects): triangle lists, one optional interleaved
 * vertex buffer, any number of colour attachments, an optional depth attachment, and a multiview view mask. Viewport
 * and scissor are dynamic state ({@link RenderingScope} sets them to the render area). The pipeline layout belongs to
 * the caller and must outlive this pipeline.
 */
public final class GraphicsPipeline implements AutoCloseable {
    /**
     * Everything that fixes a graphics pipeline.
     *
     * @param constants specialization constants given to both stages
     * @param viewMask  multiview mask (0b11: both eyes in one pass, gl_ViewIndex selects the eye); 0 for one view
     * @param cullMode  VkCullModeFlags; VK_CULL_MODE_NONE draws both faces (winding-agnostic scenes)
     */
    public record Spec(ShaderSource vertex, ShaderSource fragment, SpecConstants constants, VertexLayout vertexLayout,
            List<ColourTarget> colourTargets, DepthState depth, int viewMask, int cullMode) {
        public Spec {
            colourTargets = List.copyOf(colourTargets);
            if (vertex.stage() != ShaderStage.VERTEX || fragment.stage() != ShaderStage.FRAGMENT) {
                throw new IllegalArgumentException("graphics pipeline wants a vertex and a fragment shader, got "
                        + vertex.label() + " and " + fragment.label());
            }
        }

        public String label() {
            return vertex.label() + " + " + fragment.label() + (viewMask != 0 ? " viewMask " + viewMask : "");
        }
    }

    private final GpuDevice device;
    private final long handle;
    private final Spec spec;
    private boolean closed;

    private GraphicsPipeline(GpuDevice device, long handle, Spec spec) {
        this.device = device;
        this.handle = handle;
        this.spec = spec;
    }

    /** Compiles both stages with the context's shader compiler and creates the pipeline. */
    public static GraphicsPipeline create(GpuContext context, PipelineLayout layout, Spec spec) {
        byte[] vertexSpirv = context.shaders().compile(spec.vertex());
        byte[] fragmentSpirv = context.shaders().compile(spec.fragment());
        GpuDevice device = context.device();
        try (ShaderModule vertex = ShaderModule.create(device, vertexSpirv);
                ShaderModule fragment = ShaderModule.create(device, fragmentSpirv);
                MemoryStack stack = stackPush()) {
            VkSpecializationInfo specialization = specialization(stack, spec.constants());
            VkPipelineShaderStageCreateInfo.Buffer stages = VkPipelineShaderStageCreateInfo.calloc(2, stack);
            stages.get(0).sType$Default().stage(VK_SHADER_STAGE_VERTEX_BIT).module(vertex.handle())
                    .pName(stack.UTF8("main")).pSpecializationInfo(specialization);
            stages.get(1).sType$Default().stage(VK_SHADER_STAGE_FRAGMENT_BIT).module(fragment.handle())
                    .pName(stack.UTF8("main")).pSpecializationInfo(specialization);

            IntBuffer formats = stack.mallocInt(spec.colourTargets().size());
            spec.colourTargets().forEach(t -> formats.put(t.format()));
            formats.flip();
            VkPipelineRenderingCreateInfo rendering = VkPipelineRenderingCreateInfo.calloc(stack).sType$Default()
                    .viewMask(spec.viewMask()).colorAttachmentCount(formats.remaining())
                    .pColorAttachmentFormats(formats).depthAttachmentFormat(spec.depth().format())
                    .stencilAttachmentFormat(VK_FORMAT_UNDEFINED);

            VkGraphicsPipelineCreateInfo.Buffer info = VkGraphicsPipelineCreateInfo.calloc(1, stack);
            info.get(0).sType$Default().pNext(rendering.address())
                    .pStages(stages)
                    .pVertexInputState(vertexInput(stack, spec.vertexLayout()))
                    .pInputAssemblyState(VkPipelineInputAssemblyStateCreateInfo.calloc(stack).sType$Default()
                            .topology(VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST))
                    .pViewportState(VkPipelineViewportStateCreateInfo.calloc(stack).sType$Default()
                            .viewportCount(1).scissorCount(1))
                    .pRasterizationState(VkPipelineRasterizationStateCreateInfo.calloc(stack).sType$Default()
                            .polygonMode(VK_POLYGON_MODE_FILL).cullMode(spec.cullMode())
                            .frontFace(VK_FRONT_FACE_COUNTER_CLOCKWISE).lineWidth(1f))
                    .pMultisampleState(VkPipelineMultisampleStateCreateInfo.calloc(stack).sType$Default()
                            .rasterizationSamples(VK_SAMPLE_COUNT_1_BIT))
                    .pDepthStencilState(VkPipelineDepthStencilStateCreateInfo.calloc(stack).sType$Default()
                            .depthTestEnable(spec.depth().test()).depthWriteEnable(spec.depth().write())
                            .depthCompareOp(spec.depth().compareOp()).minDepthBounds(0f).maxDepthBounds(1f))
                    .pColorBlendState(colourBlend(stack, spec.colourTargets()))
                    .pDynamicState(VkPipelineDynamicStateCreateInfo.calloc(stack).sType$Default()
                            .pDynamicStates(stack.ints(VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR)))
                    .layout(layout.handle());
            LongBuffer handle = stack.mallocLong(1);
            VulkanException.check(vkCreateGraphicsPipelines(device.handle(), VK_NULL_HANDLE, info, null, handle),
                    "vkCreateGraphicsPipelines(" + spec.label() + ")");
            return new GraphicsPipeline(device, handle.get(0), spec);
        }
    }

    private static VkSpecializationInfo specialization(MemoryStack stack, SpecConstants constants) {
        Map<Integer, Integer> values = constants.values();
        if (values.isEmpty()) {
            return null;
        }
        VkSpecializationMapEntry.Buffer entries = VkSpecializationMapEntry.calloc(values.size(), stack);
        ByteBuffer data = stack.malloc(4 * values.size()).order(ByteOrder.nativeOrder());
        int i = 0;
        for (Map.Entry<Integer, Integer> e : values.entrySet()) {
            entries.get(i).constantID(e.getKey()).offset(4 * i).size(4);
            data.putInt(4 * i, e.getValue());
            i++;
        }
        return VkSpecializationInfo.calloc(stack).pMapEntries(entries).pData(data);
    }

    private static VkPipelineVertexInputStateCreateInfo vertexInput(MemoryStack stack, VertexLayout layout) {
        VkPipelineVertexInputStateCreateInfo info = VkPipelineVertexInputStateCreateInfo.calloc(stack).sType$Default();
        if (layout.isEmpty()) {
            return info;
        }
        VkVertexInputBindingDescription.Buffer binding = VkVertexInputBindingDescription.calloc(1, stack);
        binding.get(0).binding(0).stride(layout.stride()).inputRate(VK_VERTEX_INPUT_RATE_VERTEX);
        VkVertexInputAttributeDescription.Buffer attributes = VkVertexInputAttributeDescription.calloc(
                layout.attributes().size(), stack);
        for (int i = 0; i < layout.attributes().size(); i++) {
            VertexLayout.Attribute a = layout.attributes().get(i);
            attributes.get(i).location(i).binding(0).format(a.format()).offset(a.offset());
        }
        return info.pVertexBindingDescriptions(binding).pVertexAttributeDescriptions(attributes);
    }

    private static VkPipelineColorBlendStateCreateInfo colourBlend(MemoryStack stack, List<ColourTarget> targets) {
        VkPipelineColorBlendAttachmentState.Buffer states = VkPipelineColorBlendAttachmentState.calloc(
                targets.size(), stack);
        for (int i = 0; i < targets.size(); i++) {
            ColourTarget t = targets.get(i);
            VkPipelineColorBlendAttachmentState s = states.get(i).colorWriteMask(t.writeMask());
            switch (t.blend()) {
                case NONE -> s.blendEnable(false);
                case ADDITIVE -> s.blendEnable(true)
                        .srcColorBlendFactor(VK_BLEND_FACTOR_SRC_ALPHA).dstColorBlendFactor(VK_BLEND_FACTOR_ONE)
                        .colorBlendOp(VK_BLEND_OP_ADD)
                        .srcAlphaBlendFactor(VK_BLEND_FACTOR_ZERO).dstAlphaBlendFactor(VK_BLEND_FACTOR_ONE)
                        .alphaBlendOp(VK_BLEND_OP_ADD);
                case ALPHA -> s.blendEnable(true)
                        .srcColorBlendFactor(VK_BLEND_FACTOR_SRC_ALPHA)
                        .dstColorBlendFactor(VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA).colorBlendOp(VK_BLEND_OP_ADD)
                        .srcAlphaBlendFactor(VK_BLEND_FACTOR_ONE)
                        .dstAlphaBlendFactor(VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA).alphaBlendOp(VK_BLEND_OP_ADD);
            }
        }
        return VkPipelineColorBlendStateCreateInfo.calloc(stack).sType$Default().pAttachments(states);
    }

    public long handle() {
        return handle;
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vkDestroyPipeline(device.handle(), handle, null);
        }
    }
}
