package dev.ocular.scenes.render;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.raster.GraphicsDescriptors;
import dev.ocular.gpu.raster.RenderingScope;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneObject;
import java.util.List;
import org.lwjgl.system.MemoryStack;

/**
 * Records one scene pass into a command buffer: opaque objects, then the sky where nothing was drawn, then additive
 * particles (which write neither depth nor motion). Holds no Vulkan objects of its own.
 */
final class PassRecorder {
    private static final float[] CLEAR = {0, 0, 0, 0};

    private final Scene scene;
    private final GpuScene gpuScene;
    private final GpuBuffer frameBuffer;
    private final FrameData layout;

    PassRecorder(Scene scene, GpuScene gpuScene, GpuBuffer frameBuffer, FrameData layout) {
        this.scene = scene;
        this.gpuScene = gpuScene;
        this.frameBuffer = frameBuffer;
        this.layout = layout;
    }

    /**
     * Renders the region {@code width}×{@code height} at the top-left of {@code targets} with views starting at
     * {@code viewBase} (one view, or two with a multiview pipeline set).
     */
    @SuppressWarnings("try") // the scopes are guards: closing them ends the rendering pass
    void record(CommandBuffer cb, ScenePipelines pipelines, EyeTargets targets, int width, int height, int viewBase,
            Sampler sampler) {
        targets.beginWriting(cb);
        try (RenderingScope pass = RenderingScope.begin(cb, width, height, pipelines.viewMask(),
                List.of(new RenderingScope.Colour(targets.colourView(), CLEAR),
                        new RenderingScope.Colour(targets.motionView(), CLEAR)),
                RenderingScope.Depth.cleared(targets.depthView(), 0f))) {
            drawObjects(cb, pipelines, viewBase, sampler);
            bind(cb, pipelines, SceneShaders.Program.SKY);
            descriptors(gpuScene.texture(-1), sampler).push(cb, pipelines.layout());
            pushConstants(cb, pipelines, 0, viewBase);
            vkCmdDraw(cb.handle(), 3, 1, 0, 0);
        }
        if (scene.particles().count() > 0) {
            // Colour attachment writes of the first pass must land before blending reads them.
            cb.memoryBarrier(VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT
                    | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                    VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT
                            | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT);
            try (RenderingScope particles = RenderingScope.begin(cb, width, height, pipelines.viewMask(),
                    List.of(new RenderingScope.Colour(targets.colourView(), null)),
                    RenderingScope.Depth.loaded(targets.depthView()))) {
                bind(cb, pipelines, SceneShaders.Program.PARTICLE);
                descriptors(gpuScene.texture(-1), sampler).push(cb, pipelines.layout());
                pushConstants(cb, pipelines, 0, viewBase);
                vkCmdDraw(cb.handle(), 6 * scene.particles().count(), 1, 0, 0);
            }
        }
        targets.finishWriting(cb);
    }

    private void drawObjects(CommandBuffer cb, ScenePipelines pipelines, int viewBase, Sampler sampler) {
        bind(cb, pipelines, SceneShaders.Program.SCENE);
        try (MemoryStack stack = stackPush()) {
            vkCmdBindVertexBuffers(cb.handle(), 0, stack.longs(gpuScene.vertices().handle()), stack.longs(0));
        }
        vkCmdBindIndexBuffer(cb.handle(), gpuScene.indices().handle(), 0, VK_INDEX_TYPE_UINT32);
        List<SceneObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            descriptors(gpuScene.texture(o.material().texture()), sampler).push(cb, pipelines.layout());
            pushConstants(cb, pipelines, i, viewBase);
            GpuScene.MeshRange r = gpuScene.range(o.mesh());
            vkCmdDrawIndexed(cb.handle(), r.indexCount(), 1, r.firstIndex(), r.vertexOffset(), 0);
        }
    }

    private static void bind(CommandBuffer cb, ScenePipelines pipelines, SceneShaders.Program program) {
        vkCmdBindPipeline(cb.handle(), VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.pipeline(program).handle());
    }

    private GraphicsDescriptors descriptors(GpuTexture texture, Sampler sampler) {
        return GraphicsDescriptors.create()
                .storage(0, frameBuffer, 0, FrameData.FRAME_BLOCK_BYTES)
                .storage(1, frameBuffer, layout.objectsOffset, layout.objectsBytes)
                .storage(2, frameBuffer, layout.particlesOffset, layout.particlesBytes)
                .sampled(3, texture.view(), sampler, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    }

    private static void pushConstants(CommandBuffer cb, ScenePipelines pipelines, int objectIndex, int viewBase) {
        try (MemoryStack stack = stackPush()) {
            vkCmdPushConstants(cb.handle(), pipelines.layout().handle(), ScenePipelines.STAGES, 0,
                    stack.ints(objectIndex, viewBase));
        }
    }
}
