package dev.ocular.compositor.pipeline;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.compositor.upscale.EyeJob;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.SharpenStage;
import dev.ocular.compositor.upscale.Upscalers;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.render.PassTimer;
import dev.ocular.scenes.render.StereoGBuffers;
import dev.ocular.compositor.metrics.GpuStageTimer;
import java.util.Set;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.scene.Scene;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The per-eye pipeline of one frame: the scene rendered at each eye's render scale with jitter (both eyes in one
 * submission, one multiview pass where the device allows; see {@link #renderScene}), then each eye reconstructed to the output size by its method — eyes sharing a method go through one
 * dispatch chain — into per-eye RGBA16F output images that sinks read. History is reset per eye on cuts and on any
 * change of that eye's settings. Owns the renderer, the outputs and the upscalers; single-threaded.
 */
public final class StereoPipeline implements AutoCloseable {
    public static final String SCENE_STAGE = "scene";

    /** What one frame produced. */
    public record Frame(StereoFrame frame, StereoGBuffers gbuffers, LiveSettings.Snapshot settings, boolean[] reset) {
    }

    private final GpuContext gpu;
    private final SceneRenderer renderer;
    private final Upscalers upscalers;
    private final SharpenStage sharpen;
    private final GpuImage[] outputs = new GpuImage[2];
    private final long[] generations = {-1, -1};
    private final EyeSettings[] applied = new EyeSettings[2];
    private boolean closed;

    public StereoPipeline(GpuContext gpu, Scene scene, int outputWidth, int outputHeight, Upscalers upscalers) {
        this.gpu = gpu;
        this.upscalers = upscalers;
        this.renderer = SceneRenderer.create(gpu, scene);
        SharpenStage sharpenStage = null;
        try {
            sharpenStage = SharpenStage.create(gpu);
            for (int eye = 0; eye < 2; eye++) {
                outputs[eye] = gpu.image(ImageSpec.of(outputWidth, outputHeight, VK_FORMAT_R16G16B16A16_SFLOAT,
                        VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT));
            }
        } catch (RuntimeException e) {
            this.sharpen = sharpenStage;
            close();
            throw e;
        }
        this.sharpen = sharpenStage;
    }

    /** Every GPU stage name this pipeline can report, in order (the run's FrameLog columns). */
    public List<String> stages() {
        List<String> stages = new ArrayList<>();
        stages.add(SCENE_STAGE);
        stages.addAll(upscalers.allStages());
        stages.add(SharpenStage.STAGE);
        return stages;
    }

    /** After the frame completed: stage times the upscalers measured with their own queries. */
    public void collect(FrameLog log, int row) {
        upscalers.collect(log, row);
    }

    public GpuImage output(int eye) {
        return outputs[eye];
    }

    public SceneRenderer renderer() {
        return renderer;
    }

    public int outputWidth() {
        return outputs[0].width();
    }

    public int outputHeight() {
        return outputs[0].height();
    }

    /**
     * Renders the scene for {@code frame} and records both eyes' reconstruction into {@code cb}; outputs end in
     * GENERAL layout with their writes visible to later compute, blit and copy commands.
     */
    public Frame record(CommandBuffer cb, StereoFrame frame, LiveSettings.Snapshot settings, StageTimer timer) {
        boolean[] reset = new boolean[2];
        for (int eye = 0; eye < 2; eye++) {
            reset[eye] = frame.cut() || settings.generation(eye) != generations[eye]
                    || !settings.eye(eye).equals(applied[eye]);
            generations[eye] = settings.generation(eye);
            applied[eye] = settings.eye(eye);
        }
        StereoGBuffers gbuffers = renderScene(frame, settings, timer);
        for (GpuImage out : outputs) {
            cb.transition(out, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                    VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                    VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
        }
        Map<Method, List<EyeJob>> byMethod = new EnumMap<>(Method.class);
        for (Eye eye : Eye.values()) {
            int e = eye.index();
            byMethod.computeIfAbsent(settings.eye(e).method(), m -> new ArrayList<>())
                    .add(new EyeJob(e, gbuffers.eye(eye), outputs[e], reset[e], 0.5f, 0.5f, 0.5f));
        }
        for (Map.Entry<Method, List<EyeJob>> group : byMethod.entrySet()) {
            upscalers.get(group.getKey()).record(cb, group.getValue(), timer);
        }
        for (int eye = 0; eye < 2; eye++) {
            float sharpening = settings.eye(eye).sharpening();
            if (sharpening > 0) {
                cb.computeToCompute();
                sharpen.record(cb, eye, outputs[eye], sharpening, timer);
            }
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_TRANSFER_READ_BIT);
        return new Frame(frame, gbuffers, settings, reset);
    }

    /**
     * Records the scene (both eyes) into its own command buffer, submits it and waits. It used to share the frame's
     * command buffer, but lavapipe (Mesa 26.1) then crashed in its queue thread as soon as vr-net sampled a multiview
     * G-buffer rendered earlier in the same command buffer — with the validation and synchronization layers silent —
     * while the same work in two submissions runs clean. The passes are still timed by the frame's stage timer.
     */
    private StereoGBuffers renderScene(StereoFrame frame, LiveSettings.Snapshot settings, StageTimer timer) {
        try (CommandBuffer sceneCb = gpu.commandPool().allocate()) {
            sceneCb.begin();
            StereoGBuffers gbuffers = renderer.record(sceneCb, frame, renderSettings(settings), new PassTimer() {
                @Override
                public void begin(CommandBuffer c, Set<Eye> eyes) {
                    timer.begin(c, timedEye(eyes), SCENE_STAGE);
                }

                @Override
                public void end(CommandBuffer c, Set<Eye> eyes) {
                    timer.end(c, timedEye(eyes), SCENE_STAGE);
                }
            });
            sceneCb.end();
            gpu.await(gpu.submit(sceneCb, java.util.List.of()), sceneCb);
            return gbuffers;
        }
    }

    private RenderSettings renderSettings(LiveSettings.Snapshot s) {
        int lw = Preset.renderSize(outputWidth(), s.left().ratio());
        int lh = Preset.renderSize(outputHeight(), s.left().ratio());
        int rw = Preset.renderSize(outputWidth(), s.right().ratio());
        int rh = Preset.renderSize(outputHeight(), s.right().ratio());
        // One jitter sequence serves both eyes; its phase count follows the larger ratio (≥ 8·ratio² phases).
        double ratio = Math.max(s.left().ratio(), s.right().ratio());
        return new RenderSettings(EnumSet.allOf(Eye.class), lw, lh, rw, rh, ratio, true, true);
    }

    /** A multiview pass renders both eyes at once: it is timed as shared work, credited half to each eye. */
    private static int timedEye(Set<Eye> eyes) {
        return eyes.size() == 2 ? GpuStageTimer.SHARED : eyes.iterator().next().index();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gpu.device().waitIdle();
        if (sharpen != null) {
            sharpen.close();
        }
        upscalers.close();
        for (int eye = 1; eye >= 0; eye--) {
            if (outputs[eye] != null) {
                outputs[eye].close();
            }
        }
        renderer.close();
    }
}
