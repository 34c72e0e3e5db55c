package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.DescriptorSetLayout;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.PipelineLayout;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.gpu.raster.ColourTarget;
import dev.ocular.gpu.raster.DepthState;
import dev.ocular.gpu.raster.GraphicsPipeline;
import dev.ocular.gpu.raster.VertexLayout;
import dev.ocular.scenes.scene.Mesh;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scene, sky and particle pipelines for one view mask (0: one eye per pass; 0b11: both eyes by multiview), with
 * the descriptor-set and pipeline layouts they share. Owns everything; closes pipelines before layouts.
 */
final class ScenePipelines implements AutoCloseable {
    static final int COLOUR_FORMAT = VK_FORMAT_R16G16B16A16_SFLOAT;
    static final int MOTION_FORMAT = VK_FORMAT_R16G16_SFLOAT;
    static final int DEPTH_FORMAT = VK_FORMAT_D32_SFLOAT;
    /** objectIndex, viewBase (frame.glsl's push block). */
    static final int PUSH_BYTES = 8;
    static final int STAGES = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

    private static final VertexLayout MESH_VERTEX = new VertexLayout(Mesh.BYTES_PER_VERTEX, List.of(
            new VertexLayout.Attribute(VK_FORMAT_R32G32B32_SFLOAT, 0),
            new VertexLayout.Attribute(VK_FORMAT_R32G32B32_SFLOAT, 12),
            new VertexLayout.Attribute(VK_FORMAT_R32G32_SFLOAT, 24)));

    private final DescriptorSetLayout setLayout;
    private final PipelineLayout layout;
    private final Map<SceneShaders.Program, GraphicsPipeline> pipelines;
    private final int viewMask;

    private ScenePipelines(DescriptorSetLayout setLayout, PipelineLayout layout,
            Map<SceneShaders.Program, GraphicsPipeline> pipelines, int viewMask) {
        this.setLayout = setLayout;
        this.layout = layout;
        this.pipelines = pipelines;
        this.viewMask = viewMask;
    }

    static ScenePipelines create(GpuContext gpu, int viewMask) {
        boolean multiview = viewMask != 0;
        DescriptorSetLayout setLayout = DescriptorSetLayout.createPush(gpu.device(), List.of(
                VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER), STAGES);
        PipelineLayout layout = null;
        List<GraphicsPipeline> made = new ArrayList<>();
        try {
            layout = PipelineLayout.create(gpu.device(), setLayout, PUSH_BYTES, STAGES);
            Map<SceneShaders.Program, GraphicsPipeline> pipelines = new EnumMap<>(SceneShaders.Program.class);
            for (SceneShaders.Program program : SceneShaders.Program.values()) {
                GraphicsPipeline p = GraphicsPipeline.create(gpu, layout, spec(program, multiview, viewMask));
                made.add(p);
                pipelines.put(program, p);
            }
            return new ScenePipelines(setLayout, layout, pipelines, viewMask);
        } catch (RuntimeException e) {
            for (int i = made.size() - 1; i >= 0; i--) {
                made.get(i).close();
            }
            if (layout != null) {
                layout.close();
            }
            setLayout.close();
            throw e;
        }
    }

    private static GraphicsPipeline.Spec spec(SceneShaders.Program program, boolean multiview, int viewMask) {
        ColourTarget colour = ColourTarget.opaque(COLOUR_FORMAT);
        ColourTarget motion = ColourTarget.opaque(MOTION_FORMAT);
        VertexLayout vertices = MESH_VERTEX;
        DepthState depth = DepthState.reverseZ(DEPTH_FORMAT, true);
        switch (program) {
            case SCENE -> {
            }
            case SKY -> {
                vertices = VertexLayout.none();
                depth = DepthState.reverseZ(DEPTH_FORMAT, false);
            }
            case PARTICLE -> {
                vertices = VertexLayout.none();
                depth = DepthState.reverseZ(DEPTH_FORMAT, false);
                // Colour only: without the independentBlend feature every attachment of a pipeline must blend alike,
                // so particles get their own pass and cannot touch the motion vectors.
                return new GraphicsPipeline.Spec(program.vertex(multiview), program.fragment(multiview),
                        SpecConstants.none(), vertices,
                        List.of(new ColourTarget(COLOUR_FORMAT, ColourTarget.Blend.ADDITIVE, ColourTarget.RGBA)),
                        depth, viewMask, VK_CULL_MODE_NONE);
            }
        }
        return new GraphicsPipeline.Spec(program.vertex(multiview), program.fragment(multiview), SpecConstants.none(),
                vertices, List.of(colour, motion), depth, viewMask, VK_CULL_MODE_NONE);
    }

    GraphicsPipeline pipeline(SceneShaders.Program program) {
        return pipelines.get(program);
    }

    PipelineLayout layout() {
        return layout;
    }

    int viewMask() {
        return viewMask;
    }

    @Override
    public void close() {
        List<GraphicsPipeline> all = new ArrayList<>(pipelines.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
        layout.close();
        setLayout.close();
    }
}
