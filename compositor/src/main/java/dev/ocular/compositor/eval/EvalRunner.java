package dev.ocular.compositor.eval;

import dev.ocular.compositor.eval.EvalReport.EyeMetrics;
import dev.ocular.compositor.quality.ErrorMapPng;
import dev.ocular.compositor.quality.Flip;
import dev.ocular.compositor.quality.LensSplit;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.GBufferReadback;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.render.StereoGBuffers;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs every method on the same rendered sequences and scores them per eye against the supersampled reference. For
 * each scene: frames 0 … warmup + frames − 1 of the head path (frame 0 is a cut: history starts empty), rendered once
 * for all methods; temporal methods run every frame, the others only the measured ones; metrics on the measured
 * frames only. The lens split and the centred lens vr-net gets are those of the compositor ({@code RunQuality},
 * {@code StereoPipeline}): centre = within 0.25 UV of the image centre.
 */
public final class EvalRunner {
    /** Radius of the lens-centre region in UV, as {@code run.RunQuality} reports it. */
    public static final double CENTRE_RADIUS = 0.25;

    private final GpuContext gpu;
    private final SceneCatalog catalog;

    public EvalRunner(GpuContext gpu, SceneCatalog catalog) {
        this.gpu = gpu;
        this.catalog = catalog;
    }

    /** @param progress receives one line per scene and frame */
    public EvalReport run(EvalOptions o, Consumer<String> progress) throws IOException {
        for (String s : o.scenes()) {
            catalog.scene(s);  // unknown names are bad input before any rendering starts
        }
        List<EvalReport.SceneResult> results = new ArrayList<>();
        double ppd = 0;
        for (String name : o.scenes()) {
            Scene scene = catalog.build(name, o.seed());
            HeadMotion motion = o.motion() != null ? o.motion() : scene.defaultMotion();
            ppd = pixelsPerDegree(o.width());
            results.add(scene(o, scene, motion, ppd, progress));
        }
        String weights = o.methods().contains(Method.VRNET) ? o.model().weightsLabel() : "(vrnet not evaluated)";
        String how = String.format(Locale.ROOT, "per eye %dx%d from %dx%d (scale %.3g), head path seed %d, %d warm-up "
                + "frames skipped then %d measured; reference %dx%d supersampled; display-referred (Reinhard + sRGB); "
                + "ꟻLIP LDR at %.2f px/deg; lens centre = UV radius %.2f around the image centre", o.width(),
                o.height(), o.inputWidth(), o.inputHeight(), o.scale(), o.seed(), o.warmup(), o.frames(),
                o.reference(), o.reference(), ppd, CENTRE_RADIUS);
        return new EvalReport(how, o.scale(), o.seed(), o.warmup(), o.frames(), o.width(), o.height(),
                o.inputWidth(), o.inputHeight(), o.reference(), ppd, weights, o.netPath() == null ? "none"
                : o.netPath().id(), results, mean(results));
    }

    /** Both eyes of the Quest-like rig span 96° horizontally. */
    static double pixelsPerDegree(int width) {
        FovAngles fov = StereoRig.questLike().leftFov();
        return Flip.pixelsPerDegree(width, Math.toDegrees(fov.angleRight() - fov.angleLeft()));
    }

    private EvalReport.SceneResult scene(EvalOptions o, Scene scene, HeadMotion motion, double ppd,
            Consumer<String> progress) throws IOException {
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(motion, o.seed()),
                scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
        RenderSettings settings = RenderSettings.stereo(o.inputWidth(), o.inputHeight(), o.scale());
        LensSplit split = LensSplit.of(o.width(), o.height(), 0.5, 0.5, CENTRE_RADIUS);
        List<EvalMethod> methods = open(o);
        EyeScores[][] scores = new EyeScores[methods.size()][2];
        for (int m = 0; m < methods.size(); m++) {
            for (int e = 0; e < 2; e++) {
                scores[m][e] = new EyeScores(ppd, split, o.warmup());
            }
        }
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene)) {
            int total = o.warmup() + o.frames();
            for (int f = 0; f < total; f++) {
                StereoFrame frame = views.frame(f);
                StereoGBuffers g = renderer.render(frame, settings);
                List<GBufferData> eyes = List.of(GBufferReadback.read(gpu, g.eye(Eye.LEFT)),
                        GBufferReadback.read(gpu, g.eye(Eye.RIGHT)));
                boolean measured = f >= o.warmup();
                List<List<ImageData>> outputs = new ArrayList<>();
                for (EvalMethod m : methods) {
                    outputs.add(m.temporal() || measured ? m.frame(eyes, frame.cut()) : null);
                }
                if (measured) {
                    List<ImageData> refs = List.of(
                            renderer.renderReference(frame, Eye.LEFT, o.width(), o.height(), o.reference()),
                            renderer.renderReference(frame, Eye.RIGHT, o.width(), o.height(), o.reference()));
                    score(scores, outputs, refs);
                }
                progress.accept(String.format(Locale.ROOT, "%s frame %d/%d%s", scene.name(), f + 1, total,
                        measured ? "" : " (warm-up)"));
            }
        } finally {
            for (EvalMethod m : methods) {
                m.close();
            }
        }
        if (o.heatmaps() != null) {
            writeHeatmaps(o, scene.name(), methods, scores);
        }
        Map<String, Map<String, EyeMetrics>> byMethod = new LinkedHashMap<>();
        for (int m = 0; m < methods.size(); m++) {
            Map<String, EyeMetrics> byEye = new LinkedHashMap<>();
            byEye.put(Eye.LEFT.id(), scores[m][0].result());
            byEye.put(Eye.RIGHT.id(), scores[m][1].result());
            byMethod.put(methods.get(m).method().cliName(), byEye);
        }
        return new EvalReport.SceneResult(scene.name(), motion.id(), o.seed(), byMethod);
    }

    /** Scores every (method, eye) pair, in parallel: each pair has its own accumulator, so order does not matter. */
    private static void score(EyeScores[][] scores, List<List<ImageData>> outputs, List<ImageData> refs) {
        int eyes = refs.size();
        IntStream.range(0, scores.length * eyes).parallel().forEach(i -> {
            int m = i / eyes;
            int e = i % eyes;
            scores[m][e].accept(refs.get(e), outputs.get(m).get(e));
        });
    }

    private List<EvalMethod> open(EvalOptions o) {
        List<EvalMethod> methods = new ArrayList<>();
        try {
            for (Method m : o.methods()) {
                methods.add(switch (m) {
                    case TAAU -> new TaauMethod(o.width(), o.height());
                    case VRNET -> new VrNetMethod(gpu, o.model(), o.netPath(), o.width(), o.height());
                    default -> new SpatialMethods(m, o.width(), o.height());
                });
            }
            return methods;
        } catch (RuntimeException e) {
            methods.forEach(EvalMethod::close);
            throw e;
        }
    }

    private static void writeHeatmaps(EvalOptions o, String scene, List<EvalMethod> methods, EyeScores[][] scores)
            throws IOException {
        for (int m = 0; m < methods.size(); m++) {
            for (Eye eye : Eye.values()) {
                String name = String.format(Locale.ROOT, "%s_%s_%s_x%.2f_flip.png", scene,
                        methods.get(m).method().cliName(), eye.id(), o.scale());
                ErrorMapPng.write(scores[m][eye.index()].last().flipMap(), o.heatmaps().resolve(name));
            }
        }
    }

    /** Per method and eye, the mean of each metric over scenes. */
    static Map<String, Map<String, EyeMetrics>> mean(List<EvalReport.SceneResult> scenes) {
        Map<String, Map<String, EyeMetrics>> out = new LinkedHashMap<>();
        for (String method : scenes.get(0).methods().keySet()) {
            Map<String, EyeMetrics> byEye = new LinkedHashMap<>();
            for (Eye eye : Eye.values()) {
                List<EyeMetrics> all = scenes.stream().map(s -> s.methods().get(method).get(eye.id())).toList();
                byEye.put(eye.id(), MetricMeans.of(all));
            }
            out.put(method, byEye);
        }
        return out;
    }
}
