import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.*;
import dev.ocular.scenes.rig.*;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.reference.FuseOp;

/**
 * Where is the headroom over TAAU? Renders one held-out scene's canonical path (seed 0) at 2x for the left eye
 * (1032x1104 from 516x552, 16 warm-up frames, 8 measured, 4x4 reference) and runs TAAU with several fixed head
 * values / constants side by side. Prints each variant's PSNR, and per motion-speed bin the MSE of the default and of
 * each variant, so a knob that helps on some pixels and hurts on others shows where. No learning involved: a variant
 * that wins somewhere is headroom a per-pixel head could take.
 * Usage: java -cp "out/probes:compositor/target/dist/lib/*" TaauHeadroom SCENE [half]
 */
public class TaauHeadroom {
    record Variant(String name, float[] head, FuseConstants k) {
    }

    public static void main(String[] a) throws Exception {
        String sceneName = a[0];
        int div = a.length > 1 && a[1].equals("half") ? 2 : 1;
        int W = 1032 / div, H = 1104 / div, frames = 24, warm = 16;
        FuseConstants base = new FuseConstants(0.35f, 1f, 1f, 1.5f, 2f, 0f, 10f, 3f, 1f, 1f);
        Variant[] vs = {
            new Variant("taau", new float[6], base),
            new Variant("cap x2 (head)", head(0, 1, 0), base),
            new Variant("cap x0.5 (head)", head(0, -1, 0), base),
            new Variant("min10", new float[6], new FuseConstants(0.35f, 1f, 1f, 1.5f, 2f, 0f, 10f, 10f, 1f, 1f)),
            new Variant("min6", new float[6], new FuseConstants(0.35f, 1f, 1f, 1.5f, 2f, 0f, 10f, 6f, 1f, 1f)),
            new Variant("max20 min6", new float[6], new FuseConstants(0.35f, 1f, 1f, 1.5f, 2f, 0f, 20f, 6f, 1f, 1f)),
            new Variant("gamma x4", head(0, 0, 1), base),
            new Variant("gamma x0.5", head(0, 0, -0.5f), base),
            new Variant("sigma x1.41", head(0.5f, 0, 0), base),
            new Variant("sigma x0.71", head(-0.5f, 0, 0), base),
            new Variant("rejection 0", new float[6], new FuseConstants(0.35f, 1f, 1f, 1.5f, 2f, 0f, 10f, 3f, 1f, 0f)),
        };
        int nv = vs.length;
        double[][] se = new double[nv][6];
        double[] oracle = new double[nv];
        long[] ns = new long[6];
        long n = 0;
        ImageData[] hist = new ImageData[nv];
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            Scene scene = SceneCatalog.builtIn().build(sceneName, 0);
            ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), 0),
                    scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
            RenderSettings settings = RenderSettings.stereo(W / 2, H / 2, 2.0);
            try (SceneRenderer r = SceneRenderer.create(gpu, scene)) {
                for (int f = 0; f < frames; f++) {
                    StereoFrame fr = views.frame(f);
                    StereoGBuffers g = r.render(fr, settings);
                    GBufferData gb = GBufferReadback.read(gpu, g.eye(Eye.LEFT));
                    boolean reset = fr.cut() || f == 0;
                    EyeParams p = EyeParams.centred(W, H, reset);
                    ImageData[] outs = new ImageData[nv];
                    for (int v = 0; v < nv; v++) {
                        ImageData head = ImageData.zeros(gb.width(), gb.height(), 6);
                        for (int y = 0; y < gb.height(); y++)
                            for (int x = 0; x < gb.width(); x++)
                                for (int c = 0; c < 6; c++) head.set(x, y, c, vs[v].head[c]);
                        FuseOp.Fused fu = FuseOp.apply(head, gb, reset ? null : hist[v], p, vs[v].k);
                        hist[v] = fu.history();
                        outs[v] = fu.output();
                    }
                    System.err.println("frame " + f);
                    if (f < warm) continue;
                    ImageData dr = DisplayReferred.rgb(r.renderReference(fr, Eye.LEFT, W, H, 4));
                    ImageData[] d = new ImageData[nv];
                    for (int v = 0; v < nv; v++) d[v] = DisplayReferred.rgb(outs[v]);
                    for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
                        int lx = Math.min(x / 2, gb.width() - 1), ly = Math.min(y / 2, gb.height() - 1);
                        double sp = Math.hypot(gb.motion().get(lx, ly, 0), gb.motion().get(lx, ly, 1)) * 2;
                        int sb = sp < 0.25 ? 0 : sp < 0.5 ? 1 : sp < 1 ? 2 : sp < 2 ? 3 : sp < 4 ? 4 : 5;
                        ns[sb]++;
                        n++;
                        double e0 = 0;
                        for (int v = 0; v < nv; v++) {
                            double e = 0;
                            for (int c = 0; c < 3; c++) {
                                double t = d[v].get(x, y, c) - dr.get(x, y, c);
                                e += t * t;
                            }
                            if (v == 0) e0 = e;
                            se[v][sb] += e;
                            oracle[v] += Math.min(e, e0);
                        }
                    }
                }
            }
        }
        System.out.println(sceneName + " " + W + "x" + H + " speed bins (output px/frame) <.25,<.5,<1,<2,<4,>=4 share:");
        StringBuilder sh = new StringBuilder("  share");
        for (int b = 0; b < 6; b++) sh.append(String.format(" %.3f", ns[b] / (double) n));
        System.out.println(sh);
        double tot0 = 0;
        for (int b = 0; b < 6; b++) tot0 += se[0][b];
        for (int v = 0; v < nv; v++) {
            double tot = 0;
            for (int b = 0; b < 6; b++) tot += se[v][b];
            StringBuilder s = new StringBuilder(String.format("%-16s psnr %.3f (%+.3f) oracle-with-taau %+.3f | per bin dB vs taau:",
                    vs[v].name, 10 * Math.log10(3.0 * n / tot), 10 * Math.log10(tot0 / tot), 10 * Math.log10(tot0 / oracle[v])));
            for (int b = 0; b < 6; b++) s.append(String.format(" %+.2f", ns[b] == 0 ? 0 : 10 * Math.log10(se[0][b] / se[v][b])));
            System.out.println(s);
        }
    }

    static float[] head(float h0, float h1, float h2) {
        // arguments are tanh of the raw head values (the octave fraction); atanh turns them back into raw values
        return new float[] {atanh(h0), atanh(h1), atanh(h2), 0, 0, 0};
    }

    static float atanh(float t) {
        if (t >= 1f) return 20f;
        if (t <= -1f) return -20f;
        return (float) (0.5 * Math.log((1 + t) / (1 - t)));
    }
}
