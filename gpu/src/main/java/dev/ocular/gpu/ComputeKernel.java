package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.shader.ShaderSource;
import java.nio.ByteBuffer;
import java.util.List;
import org.lwjgl.system.MemoryStack;

/**
 * One compiled compute kernel variant ready to dispatch: owns its descriptor-set layout (push descriptors), pipeline
 * layout and pipeline, and closes them in reverse order. Built from a {@link Spec}: the shader variant, its binding
 * types, push-constant size and specialization constants.
 */
public final class ComputeKernel implements AutoCloseable {
    /**
     * @param bindings      VkDescriptorType per binding index
     * @param pushConstants bytes of push constants (0 for none)
     * @param fullSubgroups require full subgroups (cooperative-matrix kernels)
     */
    public record Spec(ShaderSource source, List<Integer> bindings, int pushConstants, SpecConstants constants,
            boolean fullSubgroups) {
        public Spec {
            bindings = List.copyOf(bindings);
        }

        /** A kernel whose bindings are all storage buffers. */
        public static Spec storageBuffers(ShaderSource source, int count, int pushConstants, SpecConstants constants) {
            return new Spec(source, java.util.Collections.nCopies(count, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER),
                    pushConstants, constants, false);
        }
    }

    private final GpuDevice device;
    private final Spec spec;
    private final DescriptorSetLayout setLayout;
    private final PipelineLayout layout;
    private final ComputePipeline pipeline;
    private boolean closed;

    private ComputeKernel(GpuDevice device, Spec spec, DescriptorSetLayout setLayout, PipelineLayout layout,
            ComputePipeline pipeline) {
        this.device = device;
        this.spec = spec;
        this.setLayout = setLayout;
        this.layout = layout;
        this.pipeline = pipeline;
    }

    public static ComputeKernel create(GpuContext context, Spec spec) {
        byte[] spirv = context.shaders().compile(spec.source());
        GpuDevice device = context.device();
        DescriptorSetLayout setLayout = DescriptorSetLayout.createPush(device, spec.bindings(),
                VK_SHADER_STAGE_COMPUTE_BIT);
        PipelineLayout layout = null;
        try (ShaderModule module = ShaderModule.create(device, spirv)) {
            layout = PipelineLayout.create(device, setLayout, spec.pushConstants(), VK_SHADER_STAGE_COMPUTE_BIT);
            ComputePipeline pipeline = ComputePipeline.create(device, module, layout, spec.constants(),
                    spec.fullSubgroups());
            return new ComputeKernel(device, spec, setLayout, layout, pipeline);
        } catch (RuntimeException e) {
            if (layout != null) {
                layout.close();
            }
            setLayout.close();
            throw e;
        }
    }

    public Spec spec() {
        return spec;
    }

    /**
     * Binds the pipeline, pushes descriptors and push constants (may be null when the kernel has none) and dispatches
     * {@code x × y × z} workgroups.
     */
    public void dispatch(CommandBuffer cb, Bindings bindings, ByteBuffer pushConstants, int x, int y, int z) {
        cb.requireRecording();
        if (x <= 0 || y <= 0 || z <= 0) {
            throw new IllegalArgumentException("empty dispatch " + x + "x" + y + "x" + z + " of "
                    + spec.source().label());
        }
        try (MemoryStack stack = stackPush()) {
            vkCmdBindPipeline(cb.handle(), VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.handle());
            bindings.push(cb, VK_PIPELINE_BIND_POINT_COMPUTE, layout, setLayout);
            if (spec.pushConstants() > 0) {
                if (pushConstants == null || pushConstants.remaining() != spec.pushConstants()) {
                    throw new IllegalArgumentException(spec.source().label() + " expects " + spec.pushConstants()
                            + " push-constant bytes, got " + (pushConstants == null ? 0 : pushConstants.remaining()));
                }
                vkCmdPushConstants(cb.handle(), layout.handle(), VK_SHADER_STAGE_COMPUTE_BIT, 0, pushConstants);
            }
            vkCmdDispatch(cb.handle(), x, y, z);
        }
    }

    /** Workgroups needed to cover {@code n} items with groups of {@code size}. */
    public static int groups(int n, int size) {
        return (n + size - 1) / size;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pipeline.close();
            layout.close();
            setLayout.close();
        }
    }
}
