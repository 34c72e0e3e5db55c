package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.TimestampQueries;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HaltonJitter;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.scene.Scene;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joml.Matrix4f;

/**
 * Rasterises a {@link Scene} into per-eye G-buffers (colour RGBA16F linear HDR, depth D32 reverse-Z, motion RG16F in
 * pixels current→previous, camera and object motion, jitter-free) with Vulkan dynamic rendering: both eyes in one
 * multiview pass when the device allows and the eyes share a size, else one pass per eye. Also renders k×k
 * supersampled native references ({@link #renderReference}).
 *
 * <p>Owns its GPU resources (scene buffers and textures, pipelines, render targets, samplers, the per-frame buffer);
 * the images it returns stay valid until the next call or {@link #close()}. Single-threaded, synchronous: each call
 * submits and waits. Deterministic: the same scene, frame and settings give bit-identical images.
 */
public final class SceneRenderer implements AutoCloseable {
    private static final int MULTIVIEW_MASK = 0b11;

    private final GpuContext gpu;
    private final Scene scene;
    private final GpuScene gpuScene;
    private final FrameData layout;
    private final GpuBuffer frameBuffer;
    private final TimestampQueries timestamps;
    private final PassRecorder recorder;
    private final Map<Integer, ScenePipelines> pipelines = new HashMap<>();
    private final Map<String, EyeTargets> targets = new HashMap<>();
    private final Map<Float, Sampler> samplers = new HashMap<>();
    private ReferenceRenderer reference;
    private boolean closed;

    private SceneRenderer(GpuContext gpu, Scene scene, GpuScene gpuScene, FrameData layout, GpuBuffer frameBuffer,
            TimestampQueries timestamps) {
        this.gpu = gpu;
        this.scene = scene;
        this.gpuScene = gpuScene;
        this.layout = layout;
        this.frameBuffer = frameBuffer;
        this.timestamps = timestamps;
        this.recorder = new PassRecorder(scene, gpuScene, frameBuffer, layout);
    }

    /** Uploads the scene (meshes, textures with mip chains); pipelines are built on first use. */
    public static SceneRenderer create(GpuContext gpu, Scene scene) {
        GpuScene gpuScene = GpuScene.upload(gpu, scene);
        GpuBuffer frameBuffer = null;
        try {
            FrameData layout = new FrameData(scene.objects().size(), scene.particles().count());
            frameBuffer = gpu.buffer(layout.totalBytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse.UPLOAD);
            TimestampQueries timestamps = TimestampQueries.create(gpu.device(), 4);
            return new SceneRenderer(gpu, scene, gpuScene, layout, frameBuffer, timestamps);
        } catch (RuntimeException e) {
            if (frameBuffer != null) {
                frameBuffer.close();
            }
            gpuScene.close();
            throw e;
        }
    }

    public Scene scene() {
        return scene;
    }

    public GpuContext gpu() {
        return gpu;
    }

    /** Whether the device can render both eyes in one pass (VK_KHR_multiview, core in Vulkan 1.1). */
    public boolean multiviewAvailable() {
        return gpu.capabilities().multiview();
    }

    /** Renders the requested eyes of {@code frame}; see the class comment for formats and ownership. */
    public StereoGBuffers render(StereoFrame frame, RenderSettings settings) {
        requireOpen();
        timestamps.resetAll();
        List<Set<Eye>> passEyes = new ArrayList<>();
        PassTimer own = new PassTimer() {
            @Override
            public void begin(CommandBuffer cb, Set<Eye> eyes) {
                timestamps.write(cb, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 2 * passEyes.size());
            }

            @Override
            public void end(CommandBuffer cb, Set<Eye> eyes) {
                timestamps.write(cb, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 2 * passEyes.size() + 1);
                passEyes.add(eyes);
            }
        };
        StereoGBuffers[] recorded = new StereoGBuffers[1];
        gpu.run(cb -> recorded[0] = record(cb, frame, settings, own));
        long[] nanos = timestamps.readNanos(2 * passEyes.size());
        List<StereoGBuffers.Pass> passes = new ArrayList<>();
        for (int i = 0; i < passEyes.size(); i++) {
            passes.add(new StereoGBuffers.Pass(passEyes.get(i), nanos[2 * i + 1] - nanos[2 * i]));
        }
        StereoGBuffers r = recorded[0];
        return new StereoGBuffers(r.frameIndex(), r.eyes(), r.multiview(), passes, r.cut());
    }

    /**
     * Records the requested eyes of {@code frame} into the caller's command buffer (so the scene shares one submission
     * with the work that consumes it), bracketing each pass with {@code timer}. The returned passes carry no GPU time
     * (−1): the caller's timer measures them. The per-frame constants are written from the host now, so the previous
     * recording must have finished executing.
     */
    public StereoGBuffers record(CommandBuffer cb, StereoFrame frame, RenderSettings settings, PassTimer timer) {
        requireOpen();
        HaltonJitter sequence = settings.jitterSequence();
        float jx = settings.jitter() ? sequence.x(frame.index()) : 0f;
        float jy = settings.jitter() ? sequence.y(frame.index()) : 0f;
        List<ViewData> views = new ArrayList<>();
        for (Eye eye : Eye.values()) {
            views.add(ViewData.of(frame.current().eye(eye), frame.previous().eye(eye), new Matrix4f(), jx, jy,
                    settings.width(eye), settings.height(eye)));
        }
        writeFrame(views, frame.time(), frame.previousTime());
        Sampler sampler = sampler(settings.lodBias());
        boolean multiview = settings.usesMultiview(multiviewAvailable());
        Map<Eye, EyeGBuffer> out = new EnumMap<>(Eye.class);
        List<StereoGBuffers.Pass> passes = new ArrayList<>();
        if (multiview) {
            EyeTargets t = targets("multiview", settings.leftWidth(), settings.leftHeight(), 2);
            Set<Eye> both = EnumSet.allOf(Eye.class);
            timer.begin(cb, both);
            recorder.record(cb, pipelines(MULTIVIEW_MASK), t, t.width(), t.height(), 0, sampler);
            timer.end(cb, both);
            passes.add(new StereoGBuffers.Pass(both, -1));
            for (Eye eye : Eye.values()) {
                out.put(eye, new EyeGBuffer(t.colour(), t.depth(), t.motion(), eye.index(), jx, jy));
            }
        } else {
            for (Eye eye : Eye.values()) {
                if (!settings.eyes().contains(eye)) {
                    continue;
                }
                EyeTargets t = targets(eye.id(), settings.width(eye), settings.height(eye), 1);
                Set<Eye> one = EnumSet.of(eye);
                timer.begin(cb, one);
                recorder.record(cb, pipelines(0), t, t.width(), t.height(), eye.index(), sampler);
                timer.end(cb, one);
                passes.add(new StereoGBuffers.Pass(one, -1));
                out.put(eye, new EyeGBuffer(t.colour(), t.depth(), t.motion(), 0, jx, jy));
            }
        }
        return new StereoGBuffers(frame.index(), out, multiview, passes, frame.cut());
    }

    /**
     * The native-resolution ground truth of one eye: rendered at {@code factor}× the size without jitter or LOD bias,
     * box-filtered down to {@code width}×{@code height} on the GPU (tiled, so any size fits). Linear RGBA.
     */
    public ImageData renderReference(StereoFrame frame, Eye eye, int width, int height, int factor) {
        return renderReference(frame, eye, width, height, factor, ReferenceRenderer.MAX_TILE_TEXELS);
    }

    /** As {@link #renderReference(StereoFrame, Eye, int, int, int)} with tiles of at most {@code tileTexels}². */
    ImageData renderReference(StereoFrame frame, Eye eye, int width, int height, int factor, int tileTexels) {
        requireOpen();
        if (reference != null && reference.tileTexels() != tileTexels) {
            reference.close();
            reference = null;
        }
        if (reference == null) {
            reference = ReferenceRenderer.create(gpu, tileTexels);
        }
        return reference.render(this, frame, eye, width, height, factor);
    }

    /** Writes environment, views, objects at {@code time} (and {@code previousTime}) and particles. */
    void writeFrame(List<ViewData> views, double time, double previousTime) {
        ByteBuffer mapped = frameBuffer.mapped();
        layout.writeEnvironment(mapped, scene.environment());
        layout.writeViews(mapped, views);
        layout.writeObjects(mapped, scene, time, previousTime);
        layout.writeParticles(mapped, scene.particles(), time);
        frameBuffer.flush();
    }

    PassRecorder recorder() {
        return recorder;
    }

    ScenePipelines pipelines(int viewMask) {
        ScenePipelines p = pipelines.get(viewMask);
        if (p == null) {
            if (viewMask != 0 && !multiviewAvailable()) {
                throw new IllegalStateException("device " + gpu.capabilities().name() + " has no multiview");
            }
            p = ScenePipelines.create(gpu, viewMask);
            pipelines.put(viewMask, p);
        }
        return p;
    }

    /** Render targets for a slot, recreated when the size changes. */
    EyeTargets targets(String slot, int width, int height, int layers) {
        EyeTargets t = targets.get(slot);
        if (t != null && !t.fits(width, height, layers)) {
            gpu.device().waitIdle();
            t.close();
            targets.remove(slot);
            t = null;
        }
        if (t == null) {
            t = EyeTargets.create(gpu, width, height, layers);
            targets.put(slot, t);
        }
        return t;
    }

    Sampler sampler(float lodBias) {
        return samplers.computeIfAbsent(lodBias, b -> Sampler.create(gpu.device(), Sampler.Config.trilinearRepeat(b)));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("scene renderer for " + scene.name() + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gpu.device().waitIdle();
        if (reference != null) {
            reference.close();
        }
        targets.values().forEach(EyeTargets::close);
        samplers.values().forEach(Sampler::close);
        pipelines.values().forEach(ScenePipelines::close);
        timestamps.close();
        frameBuffer.close();
        gpuScene.close();
    }
}
