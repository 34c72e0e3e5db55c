package dev.ocular.distortion.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.mesh.DistortionMesh;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.mesh.MeshBuilder;
import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.DescriptorSetLayout;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.PipelineLayout;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.raster.ColourTarget;
import dev.ocular.gpu.raster.DepthState;
import dev.ocular.gpu.raster.GraphicsPipeline;
import dev.ocular.gpu.raster.RenderingScope;
import dev.ocular.gpu.raster.VertexLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkViewport;

/**
 * The mesh variant of the distortion pass ({@code panel_mesh.vert/.frag}): draws each eye's distortion mesh into its
 * half of the panel with dynamic rendering; the rasteriser interpolates the three UV pairs over each triangle and the
 * fragment shader samples each channel at its own. CPU twin: {@code CpuDistortionPass.viaMesh(meshes,
 * MeshInterpolation.TRIANGLES, …)} with the same meshes.
 *
 * <p>Owns the pipeline, its layouts, the vertex and index buffers (both eyes in one of each) and the shared
 * {@link PanelSources}; closes them in reverse order of creation.
 */
public final class MeshPanelDistortion implements PanelDistortion {
    /**
     * Largest |GPU − CPU twin| per channel, for eye images whose neighbouring texels differ by at most ~0.1 (those of
     * {@code PanelDistortionTest}). What remains is rounding, proportional to that step: the rasteriser snaps vertices
     * to its sub-pixel grid and interpolates in float, the sampler quantises its bilinear weights (to 1/256 on NVIDIA),
     * the output is fp16. Measured: 0.125/255 on lavapipe, 0.09/255 on an H100 (driver 580). For content that jumps
     * by a full step between texels the weight quantisation alone reaches ~2/255 on the H100 (2.2/255 measured on
     * noise; lavapipe filters in float and stays at 0.15/255), so this bound is for smooth images only; a half-texel
     * slip in the UVs would exceed it tenfold even there.
     */
    public static final double MAX_ABS_VS_CPU = 0.5 / 255.0;

    static final VertexLayout VERTICES = new VertexLayout(DistortionMesh.FLOATS_PER_VERTEX * Float.BYTES, List.of(
            new VertexLayout.Attribute(VK_FORMAT_R32G32_SFLOAT, 0),
            new VertexLayout.Attribute(VK_FORMAT_R32G32_SFLOAT, 8),
            new VertexLayout.Attribute(VK_FORMAT_R32G32_SFLOAT, 16),
            new VertexLayout.Attribute(VK_FORMAT_R32G32_SFLOAT, 24)));
    /** panelWidth, layer (panel_mesh.frag's push block). */
    private static final int PUSH_BYTES = 8;

    /** Where one eye's mesh sits in the shared vertex and index buffers. */
    private record EyeDraw(int firstIndex, int indexCount, int vertexOffset) {
    }

    private final LensProfile profile;
    private final Map<Eye, DistortionMesh> meshes;
    private final PanelSources sources;
    private final GpuBuffer vertices;
    private final GpuBuffer indices;
    private final DescriptorSetLayout setLayout;
    private final PipelineLayout layout;
    private final GraphicsPipeline pipeline;
    private final Map<Eye, EyeDraw> draws;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    private boolean closed;

    private MeshPanelDistortion(LensProfile profile, Map<Eye, DistortionMesh> meshes, PanelSources sources,
                                GpuBuffer vertices, GpuBuffer indices, DescriptorSetLayout setLayout,
                                PipelineLayout layout, GraphicsPipeline pipeline, Map<Eye, EyeDraw> draws) {
        this.profile = profile;
        this.meshes = meshes;
        this.sources = sources;
        this.vertices = vertices;
        this.indices = indices;
        this.setLayout = setLayout;
        this.layout = layout;
        this.pipeline = pipeline;
        this.draws = draws;
    }

    /** Each eye's mesh built by {@link MeshBuilder} to {@code budget}. */
    public static Map<Eye, DistortionMesh> buildMeshes(LensProfile profile, MeshBudget budget) {
        Map<Eye, DistortionMesh> meshes = new EnumMap<>(Eye.class);
        for (Eye eye : Eye.values()) {
            meshes.put(eye, new MeshBuilder(budget).build(profile.eye(eye), profile.visibility(eye)).mesh());
        }
        return meshes;
    }

    /** @param meshes one mesh per eye, built for this profile's eyes (the caller keeps them for its own use) */
    public static MeshPanelDistortion create(GpuContext gpu, LensProfile profile, Map<Eye, DistortionMesh> meshes) {
        for (Eye eye : Eye.values()) {
            DistortionMesh mesh = meshes.get(eye);
            if (mesh == null || mesh.eye() != eye) {
                throw new IllegalArgumentException("no mesh for the " + eye.jsonName() + " eye");
            }
        }
        Acquired made = new Acquired();
        try {
            PanelSources sources = made.keep(PanelSources.create(gpu, profile));
            Map<Eye, EyeDraw> draws = new EnumMap<>(Eye.class);
            GpuBuffer vertices = made.keep(PanelSources.upload(gpu, vertexBytes(meshes),
                    VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
            GpuBuffer indices = made.keep(PanelSources.upload(gpu, indexBytes(meshes, draws),
                    VK_BUFFER_USAGE_INDEX_BUFFER_BIT));
            DescriptorSetLayout setLayout = made.keep(DescriptorSetLayout.createPush(gpu.device(), List.of(
                    VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER),
                    VK_SHADER_STAGE_FRAGMENT_BIT));
            PipelineLayout layout = made.keep(PipelineLayout.create(gpu.device(), setLayout, PUSH_BYTES,
                    VK_SHADER_STAGE_FRAGMENT_BIT));
            GraphicsPipeline pipeline = made.keep(GraphicsPipeline.create(gpu, layout, new GraphicsPipeline.Spec(
                    DistortionShaderCatalog.MESH_VERTEX, DistortionShaderCatalog.MESH_FRAGMENT,
                    SpecConstants.none(), VERTICES, List.of(ColourTarget.opaque(PANEL_FORMAT)), DepthState.none(),
                    0, VK_CULL_MODE_NONE)));
            return new MeshPanelDistortion(profile, Map.copyOf(meshes), sources, vertices, indices, setLayout,
                    layout, pipeline, draws);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }

    // Left eye's vertices first, then the right eye's; drawn with a vertex offset per eye.
    private static ByteBuffer vertexBytes(Map<Eye, DistortionMesh> meshes) {
        float[] left = meshes.get(Eye.LEFT).interleavedVertices();
        float[] right = meshes.get(Eye.RIGHT).interleavedVertices();
        ByteBuffer bytes = ByteBuffer.allocateDirect(Float.BYTES * (left.length + right.length))
                .order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(left).put(right);
        return bytes;
    }

    private static ByteBuffer indexBytes(Map<Eye, DistortionMesh> meshes, Map<Eye, EyeDraw> draws) {
        int[] left = meshes.get(Eye.LEFT).triangleIndices();
        int[] right = meshes.get(Eye.RIGHT).triangleIndices();
        draws.put(Eye.LEFT, new EyeDraw(0, left.length, 0));
        draws.put(Eye.RIGHT, new EyeDraw(left.length, right.length, meshes.get(Eye.LEFT).vertexCount()));
        ByteBuffer bytes = ByteBuffer.allocateDirect(Integer.BYTES * (left.length + right.length))
                .order(ByteOrder.nativeOrder());
        bytes.asIntBuffer().put(left).put(right);
        return bytes;
    }

    /** The meshes this pass draws (the CPU twin interpolates the same ones). */
    public Map<Eye, DistortionMesh> meshes() {
        return meshes;
    }

    @Override
    public LensProfile profile() {
        return profile;
    }

    @Override
    public PanelVariant variant() {
        return PanelVariant.MESH;
    }

    @Override
    public int panelUsage() {
        return VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    }

    @Override
    @SuppressWarnings("try") // the scope is a guard: closing it ends the rendering pass
    public void record(CommandBuffer cb, GpuImage leftEye, int leftLayer, GpuImage rightEye, int rightLayer,
                       GpuImage panelOut) {
        sources.beginRecord(cb, leftEye, leftLayer, rightEye, rightLayer, panelOut, panelUsage(),
                VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT);
        // Loaded, not cleared: the meshes cover every pixel, so whatever was there before is always overwritten.
        cb.transition(panelOut, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT);
        try (RenderingScope pass = RenderingScope.begin(cb, panelOut.width(), panelOut.height(), 0,
                List.of(new RenderingScope.Colour(sources.panelView(panelOut), null)), null);
                MemoryStack stack = stackPush()) {
            vkCmdBindPipeline(cb.handle(), VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
            vkCmdBindVertexBuffers(cb.handle(), 0, stack.longs(vertices.handle()), stack.longs(0));
            vkCmdBindIndexBuffer(cb.handle(), indices.handle(), 0, VK_INDEX_TYPE_UINT32);
            drawEye(cb, stack, Eye.LEFT, leftEye, leftLayer);
            drawEye(cb, stack, Eye.RIGHT, rightEye, rightLayer);
        }
        cb.transition(panelOut, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
    }

    private void drawEye(CommandBuffer cb, MemoryStack stack, Eye eye, GpuImage image, int layer) {
        EyeProfile ep = profile.eye(eye);
        // The mesh's NDC span this eye's half of the panel.
        VkViewport.Buffer viewport = VkViewport.calloc(1, stack);
        viewport.get(0).set(ep.viewportX(), 0f, ep.widthPx(), ep.heightPx(), 0f, 1f);
        vkCmdSetViewport(cb.handle(), 0, viewport);
        Bindings.create()
                .sampled(0, sources.eyeView(image), sources.sampler(), image.layout())
                .storage(1, sources.visibility())
                .push(cb, VK_PIPELINE_BIND_POINT_GRAPHICS, layout, setLayout);
        push.clear();
        push.putInt(profile.panelWidthPx()).putInt(layer).flip();
        vkCmdPushConstants(cb.handle(), layout.handle(), VK_SHADER_STAGE_FRAGMENT_BIT, 0, push);
        EyeDraw draw = draws.get(eye);
        vkCmdDrawIndexed(cb.handle(), draw.indexCount(), 1, draw.firstIndex(), draw.vertexOffset(), 0);
    }

    @Override
    public void forget(GpuImage image) {
        sources.forget(image);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pipeline.close();
            layout.close();
            setLayout.close();
            indices.close();
            vertices.close();
            sources.close();
        }
    }
}
