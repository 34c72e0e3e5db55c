package dev.ocular.scenes;

import dev.ocular.gpu.GpuContext;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.render.StereoGBuffers;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ocular bench scenes}: GPU render time per eye per scene, from timestamp queries around each pass, median of
 * {@code rounds} frames after {@code warmup} frames. Each scene is timed with one pass per eye (per-eye times) and,
 * where the device has multiview, with both eyes in one pass. Optionally times a k×k reference of the left eye by
 * wall clock (it spans several submissions). The report is a tree of records that Jackson serialises as is.
 */
public final class SceneBenchmark {
    /**
     * @param scenes    scene names (empty: every built-in scene)
     * @param reference k for a k×k reference at {@code referenceWidth}×{@code referenceHeight}; 0 to skip
     */
    public record Options(List<String> scenes, int width, int height, int rounds, int warmup, int reference,
            int referenceWidth, int referenceHeight) {
        public Options {
            scenes = List.copyOf(scenes);
            if (rounds < 1 || warmup < 0) {
                throw new SceneInputException("bad benchmark rounds " + rounds + " / warm-up " + warmup);
            }
            if (width < 1 || height < 1 || width > RenderSettings.MAX_SIZE || height > RenderSettings.MAX_SIZE) {
                throw new SceneInputException("bad benchmark size " + width + "x" + height);
            }
        }

        /** Quest-3-class eyes at half resolution (1032×1104), 9 rounds, no reference. */
        public static Options defaults() {
            return new Options(List.of(), 1032, 1104, 9, 2, 0, 2064, 2208);
        }
    }

    /**
     * One scene's times in milliseconds.
     *
     * @param eyeMs          median GPU time of each eye's own pass
     * @param multiviewMs    median GPU time of the two-eye multiview pass, or −1 without multiview
     * @param referenceMs    wall time of one k×k reference eye, or −1 when not requested
     */
    public record SceneTiming(String scene, Map<String, Double> eyeMs, double multiviewMs, double referenceMs,
            int objects, int particles) {
    }

    /** The whole run: device, settings and per-scene times. */
    public record Report(String device, String driver, int width, int height, int rounds, int warmup, int reference,
            List<SceneTiming> scenes) {
    }

    private final SceneCatalog catalog;

    public SceneBenchmark(SceneCatalog catalog) {
        this.catalog = catalog;
    }

    public Report run(GpuContext gpu, Options options) {
        List<String> names = options.scenes().isEmpty()
                ? catalog.scenes().stream().map(SceneDefinition::name).toList() : options.scenes();
        List<SceneTiming> timings = new ArrayList<>();
        for (String name : names) {
            timings.add(time(gpu, catalog.build(name, 0), name, options));
        }
        return new Report(gpu.capabilities().name(), gpu.capabilities().driverName() + " "
                + gpu.capabilities().driverInfo(), options.width(), options.height(), options.rounds(),
                options.warmup(), options.reference(), timings);
    }

    private static SceneTiming time(GpuContext gpu, Scene scene, String name, Options o) {
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), 0),
                scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
        RenderSettings perEye = RenderSettings.stereo(o.width(), o.height(), 1).withMultiview(false);
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene)) {
            Map<Eye, double[]> eyeMs = new EnumMap<>(Eye.class);
            for (Eye e : Eye.values()) {
                eyeMs.put(e, new double[o.rounds()]);
            }
            double[] multiview = new double[o.rounds()];
            for (int i = -o.warmup(); i < o.rounds(); i++) {
                StereoGBuffers split = renderer.render(views.frame(i + o.warmup()), perEye);
                StereoGBuffers together = renderer.multiviewAvailable()
                        ? renderer.render(views.frame(i + o.warmup()), perEye.withMultiview(true)) : null;
                if (i < 0) {
                    continue;
                }
                for (StereoGBuffers.Pass p : split.passes()) {
                    eyeMs.get(p.eyes().iterator().next())[i] = p.gpuNanos() / 1e6;
                }
                if (together != null) {
                    multiview[i] = together.passes().get(0).gpuNanos() / 1e6;
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            eyeMs.forEach((e, ms) -> medians.put(e.id(), median(ms)));
            double referenceMs = -1;
            if (o.reference() > 0) {
                long start = System.nanoTime();
                renderer.renderReference(views.frame(o.warmup()), Eye.LEFT, o.referenceWidth(), o.referenceHeight(),
                        o.reference());
                referenceMs = (System.nanoTime() - start) / 1e6;
            }
            return new SceneTiming(name, medians, renderer.multiviewAvailable() ? median(multiview) : -1, referenceMs,
                    scene.objects().size(), scene.particles().count());
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
