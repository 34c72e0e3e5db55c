import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.*;
import dev.ocular.scenes.rig.*;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.PackOp;

/**
 * How often the pack op's disocclusion input (reference/PackOp.disocclusion) fires on one scene: renders the scene's
 * path for a seed at 2x (516x552 per eye, 1032x1104 out), and for frames 8-23 prints, per eye, the channel's mean,
 * mean magnitude and the share of pixels beyond 0.2 and 0.5 (with sign), and the mean motion in low-res pixels.
 * The history passed is a blank image, so only its presence matters (it makes every on-screen pixel valid).
 * Usage: see tools/probes/README.md.
 */
public class DisoccStats {
    public static void main(String[] a) throws Exception {
        String sceneName = a[0];
        long seed = Long.parseLong(a[1]);
        int W = 1032, H = 1104, frames = 24;
        java.util.List<String> inputs = NetSpec.shipped().withDisocclusionInput().inputs();
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            Scene scene = SceneCatalog.builtIn().build(sceneName, seed);
            ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), seed),
                    scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
            RenderSettings settings = RenderSettings.stereo(W / 2, H / 2, 2.0);
            ImageData[] prev = new ImageData[2];
            ImageData hist = ImageData.zeros(W, H, 4);
            try (SceneRenderer r = SceneRenderer.create(gpu, scene)) {
                for (int f = 0; f < frames; f++) {
                    StereoFrame fr = views.frame(f);
                    StereoGBuffers g = r.render(fr, settings);
                    for (int e = 0; e < 2; e++) {
                        GBufferData gb = GBufferReadback.read(gpu, g.eye(e == 0 ? Eye.LEFT : Eye.RIGHT));
                        EyeParams p = EyeParams.centred(W, H, false);
                        if (f >= 8) {
                            ImageData x = PackOp.apply(gb, hist, prev[e], p, 8f, inputs);
                            double sum = 0, abs = 0; long n = 0, big = 0, mid = 0, pos = 0, neg = 0; double mot = 0;
                            for (int y = 0; y < x.height(); y++) for (int xx = 0; xx < x.width(); xx++) {
                                float v = x.get(xx, y, 14);
                                sum += v; abs += Math.abs(v); n++;
                                if (Math.abs(v) > 0.5) big++;
                                if (Math.abs(v) > 0.2) mid++;
                                if (v > 0.2) pos++;
                                if (v < -0.2) neg++;
                                mot += Math.hypot(gb.motion().get(xx, y, 0), gb.motion().get(xx, y, 1));
                            }
                            System.out.printf("f%02d %s mean %+.4f |v| %.4f >0.2 %.4f >0.5 %.4f pos %.4f neg %.4f motion %.2f%n",
                                    f, e == 0 ? "L" : "R", sum / n, abs / n, (double) mid / n, (double) big / n,
                                    (double) pos / n, (double) neg / n, mot / n);
                        }
                        prev[e] = gb.depth();
                    }
                }
            }
        }
    }
}
