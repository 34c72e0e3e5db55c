package dev.ocular.scenes;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.io.ExrFiles;
import dev.ocular.scenes.io.PngPreview;
import dev.ocular.scenes.io.StagedOutput;
import dev.ocular.scenes.patterns.TestPattern;
import dev.ocular.scenes.render.GBufferReadback;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.render.StereoGBuffers;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs a {@link RenderRequest}: renders the scene's G-buffers (or a test pattern) for the requested eyes, optionally
 * the supersampled reference, and writes EXRs, tone-mapped PNG previews and a JSON description — all or nothing (see
 * {@link StagedOutput}). The same request always produces byte-identical files.
 *
 * <p>Files, for prefix {@code <scene>_f<frame 6 digits>} and each eye: {@code _<eye>_colour.exr} (R, G, B, A half,
 * linear HDR), {@code _<eye>_depth.exr} (Z float, reverse-Z), {@code _<eye>_motion.exr} (R = x, G = y float, pixels
 * current→previous), {@code _<eye>_reference.exr} (with a reference), each with a {@code .preview.png}; and
 * {@code <prefix>.json}. Patterns write only colour.
 */
public final class SceneRenderJob {
    /** What a job wrote and how long the GPU took. */
    public record Result(List<Path> files, List<StereoGBuffers.Pass> passes, double referenceSeconds) {
        public Result {
            files = List.copyOf(files);
            passes = List.copyOf(passes);
        }
    }

    private final SceneCatalog catalog;

    public SceneRenderJob(SceneCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether {@code request} needs a Vulkan device (test patterns are drawn on the host). */
    public boolean needsGpu(RenderRequest request) {
        return !catalog.isPattern(request.scene());
    }

    /** Patterns only: renders without a device. */
    public Result runPattern(RenderRequest request) {
        TestPattern pattern = patternOf(request.scene());
        StereoRig rig = StereoRig.questLike();
        String prefix = prefix(request);
        try (StagedOutput out = StagedOutput.in(request.out())) {
            JobMetadata meta = JobMetadata.forPattern(request, pattern);
            for (Eye eye : Eye.values()) {
                if (!request.eyes().contains(eye)) {
                    continue;
                }
                FovAngles fov = eye == Eye.LEFT ? rig.leftFov() : rig.rightFov();
                ImageData image = pattern.render(eye, request.width(), request.height(), request.frame(), fov);
                String base = prefix + "_" + eye.id() + "_colour";
                ExrFiles.write(out.file(base + ".exr"), image, List.of("R", "G", "B", "A"), true);
                PngPreview.write(PngPreview.colour(image), out.file(base + ".preview.png"));
                meta.file(eye, "colour", base + ".exr");
            }
            meta.write(out.file(prefix + ".json"));
            return new Result(out.commit(), List.of(), 0);
        }
    }

    public Result run(GpuContext gpu, RenderRequest request) {
        if (!needsGpu(request)) {
            return runPattern(request);
        }
        Scene scene = catalog.build(request.scene(), request.seed());
        HeadPath path = new HeadPath(request.motion().orElse(scene.defaultMotion()), request.seed());
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), path, scene.viewpoint(), request.fps());
        StereoFrame frame = views.frame(request.frame());
        RenderSettings settings = new RenderSettings(request.eyes(), request.renderWidth(), request.renderHeight(),
                request.renderWidth(), request.renderHeight(), request.scale(), true, true);
        String prefix = prefix(request);
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene);
                StagedOutput out = StagedOutput.in(request.out())) {
            StereoGBuffers gbuffers = renderer.render(frame, settings);
            JobMetadata meta = JobMetadata.forScene(request, scene, catalog, frame, settings, path);
            double referenceSeconds = 0;
            for (Eye eye : Eye.values()) {
                if (!request.eyes().contains(eye)) {
                    continue;
                }
                GBufferData g = GBufferReadback.read(gpu, gbuffers.eye(eye));
                writeGBuffer(out, meta, eye, prefix + "_" + eye.id(), g);
                if (request.reference() > 0) {
                    long start = System.nanoTime();
                    ImageData reference = renderer.renderReference(frame, eye, request.width(), request.height(),
                            request.reference());
                    referenceSeconds += (System.nanoTime() - start) * 1e-9;
                    String base = prefix + "_" + eye.id() + "_reference";
                    ExrFiles.write(out.file(base + ".exr"), reference, List.of("R", "G", "B", "A"), true);
                    PngPreview.write(PngPreview.colour(reference), out.file(base + ".preview.png"));
                    meta.file(eye, "reference", base + ".exr");
                }
            }
            meta.write(out.file(prefix + ".json"));
            return new Result(out.commit(), gbuffers.passes(), referenceSeconds);
        }
    }

    private static void writeGBuffer(StagedOutput out, JobMetadata meta, Eye eye, String base, GBufferData g) {
        ExrFiles.write(out.file(base + "_colour.exr"), g.colour(), List.of("R", "G", "B", "A"), true);
        ExrFiles.write(out.file(base + "_depth.exr"), g.depth(), List.of("Z"), false);
        ExrFiles.write(out.file(base + "_motion.exr"), g.motion(), List.of("R", "G"), false);
        PngPreview.write(PngPreview.colour(g.colour()), out.file(base + "_colour.preview.png"));
        PngPreview.write(PngPreview.depth(g.depth()), out.file(base + "_depth.preview.png"));
        PngPreview.write(PngPreview.motion(g.motion(), 16), out.file(base + "_motion.preview.png"));
        meta.file(eye, "colour", base + "_colour.exr");
        meta.file(eye, "depth", base + "_depth.exr");
        meta.file(eye, "motion", base + "_motion.exr");
        meta.jitter(eye, g.jitterX(), g.jitterY());
    }

    private TestPattern patternOf(String name) {
        for (TestPattern p : TestPattern.values()) {
            if (p.id().equals(name)) {
                return p;
            }
        }
        throw new SceneInputException("unknown test pattern '" + name + "'");
    }

    /** {@code <scene>_f<frame>}; a glTF path contributes its file name without extension. */
    static String prefix(RenderRequest request) {
        String name = request.scene();
        if (SceneCatalog.isGltfPath(name)) {
            String file = Path.of(name).getFileName().toString();
            name = "gltf-" + file.substring(0, file.lastIndexOf('.'));
        }
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return String.format(Locale.ROOT, "%s_f%06d", safe, request.frame());
    }

}
