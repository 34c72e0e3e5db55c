import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.compositor.upscale.TaauReference;
import dev.ocular.compositor.upscale.TaauSettings;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.*;
import dev.ocular.scenes.rig.*;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.*;
import dev.ocular.vrnet.reference.*;
import java.nio.file.Path;

/**
 * Where does vr-net gain or lose against TAAU on one scene? Renders the scene's canonical path (seed 0) at 2x for the
 * left eye (1032x1104 from 516x552, 16 warm-up frames, 12 measured, 4x4 reference), runs the CPU reference net and the
 * TAAU twin, and attributes the display-referred squared-error difference (vrnet - TAAU) to bins of each head
 * parameter's tanh (sigma, cap, gamma; the low-resolution pixel under the output pixel) and of the motion speed.
 * Usage (from the repository root, after `mvn package`): see tools/probes/README.md.
 */
public class HeadAttribution {
    public static void main(String[] a) throws Exception {
        String sceneName = a[1];
        int W = 1032, H = 1104, frames = 28, warm = 16;
        NetModel m = NetModel.load(NetSpec.shipped(), Path.of(a[0]));
        FuseConstants k = m.spec().fuse();
        double[][] dg = new double[3][10]; long[][] ng = new long[3][10];
        double[] ds = new double[6]; long[] ns = new long[6];
        double sumV = 0, sumT = 0; long n = 0;
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            Scene scene = SceneCatalog.builtIn().build(sceneName, 0);
            ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), 0),
                    scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
            RenderSettings settings = RenderSettings.stereo(W / 2, H / 2, 2.0);
            TaauReference taau = new TaauReference(W, H, TaauSettings.defaults());
            ImageData history = null;
            try (SceneRenderer r = SceneRenderer.create(gpu, scene)) {
                for (int f = 0; f < frames; f++) {
                    StereoFrame fr = views.frame(f);
                    StereoGBuffers g = r.render(fr, settings);
                    GBufferData gb = GBufferReadback.read(gpu, g.eye(Eye.LEFT));
                    EyeParams p = EyeParams.centred(W, H, fr.cut() || f == 0);
                    ReferenceNet.Forward fw = ReferenceNet.forward(m, gb, ReferenceNet.usableHistory(history, p), null, p);
                    history = fw.history();
                    ImageData t = taau.frame(gb, fr.cut() || f == 0);
                    System.err.println("frame " + f);
                    if (f < warm) continue;
                    ImageData ref = r.renderReference(fr, Eye.LEFT, W, H, 4);
                    ImageData dv = DisplayReferred.rgb(fw.output()), dt = DisplayReferred.rgb(t), dr = DisplayReferred.rgb(ref);
                    ImageData head = fw.layers().get(fw.layers().size() - 1);
                    for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
                        double ev = 0, et = 0;
                        for (int c = 0; c < 3; c++) {
                            double v = dv.get(x, y, c) - dr.get(x, y, c), tt = dt.get(x, y, c) - dr.get(x, y, c);
                            ev += v * v; et += tt * tt;
                        }
                        double d = ev - et;
                        sumV += ev; sumT += et; n++;
                        int lx = Math.min(x / 2, head.width() - 1), ly = Math.min(y / 2, head.height() - 1);
                        for (int c = 0; c < 3; c++) {
                            int b = Math.min(9, (int) ((Math.tanh(head.get(lx, ly, c)) + 1) * 5));
                            dg[c][b] += d; ng[c][b]++;
                        }
                        double sp = Math.hypot(gb.motion().get(lx, ly, 0), gb.motion().get(lx, ly, 1)) * 2;
                        int sb = sp < 0.25 ? 0 : sp < 0.5 ? 1 : sp < 1 ? 2 : sp < 2 ? 3 : sp < 4 ? 4 : 5;
                        ds[sb] += d; ns[sb]++;
                    }
                }
            }
        }
        System.out.printf("%s: mse vrnet %.3e taau %.3e (%.2f dB)%n", sceneName, sumV / n / 3, sumT / n / 3, 10 * Math.log10(sumT / sumV));
        String[] names = {"sigma", "cap", "gamma"};
        for (int c = 0; c < 3; c++) {
            StringBuilder b = new StringBuilder(names[c] + " bins tanh[-1..1] (pixel share, share of SSE change, + = vrnet worse):");
            for (int i = 0; i < 10; i++) b.append(String.format(" %.2f/%+.2f", ng[c][i] / (double) n, dg[c][i] / (Math.abs(sumV - sumT) + 1e-30)));
            System.out.println(b);
        }
        StringBuilder b = new StringBuilder("speed px/frame <.25,<.5,<1,<2,<4,>=4 (pixel share, share of SSE change, + = vrnet worse):");
        for (int i = 0; i < 6; i++) b.append(String.format(" %.2f/%+.2f", ns[i] / (double) n, ds[i] / (Math.abs(sumV - sumT) + 1e-30)));
        System.out.println(b);
    }
}
