import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.compositor.quality.PixelMask;
import dev.ocular.compositor.quality.Psnr;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.*;
import dev.ocular.scenes.rig.*;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Would an output ensemble of two vr-net models gain? Renders each scene's path for a seed at 2x (the eval's sizes,
 * 16 warm-up + 16 measured frames, 4x4 reference), runs both models (scalar path, each with its own history) and
 * prints, per eye, the mean per-frame PSNR (display-referred RGB, as the eval) of A, B and (A+B)/2.
 * Args: WEIGHTS_A WEIGHTS_B SEED SCENE...
 */
public class EnsembleProbe {
    public static void main(String[] a) throws Exception {
        int W = 1032, H = 1104, warm = 16, frames = 32;
        long seed = Long.parseLong(a[2]);
        NetModel ma = NetModel.load(Path.of(a[0])), mb = NetModel.load(Path.of(a[1]));
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            for (int si = 3; si < a.length; si++) {
                Scene scene = SceneCatalog.builtIn().build(a[si], seed);
                ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), seed),
                        scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
                RenderSettings settings = RenderSettings.stereo(W / 2, H / 2, 2.0);
                double[][] sum = new double[2][3];
                PixelMask all = PixelMask.all(W, H);
                try (SceneRenderer r = SceneRenderer.create(gpu, scene);
                        VrNetRunner ra = VrNetRunner.open(gpu, ma, NetPath.SCALAR);
                        VrNetRunner rb = VrNetRunner.open(gpu, mb, NetPath.SCALAR)) {
                    for (int f = 0; f < frames; f++) {
                        StereoFrame fr = views.frame(f);
                        StereoGBuffers g = r.render(fr, settings);
                        List<EyeInput> in = new ArrayList<>();
                        for (Eye e : List.of(Eye.LEFT, Eye.RIGHT)) {
                            GBufferData gb = GBufferReadback.read(gpu, g.eye(e));
                            in.add(new EyeInput(gb, EyeParams.centred(W, H, fr.cut())));
                        }
                        List<ImageData> oa = ra.run(in), ob = rb.run(in);
                        if (f < warm) continue;
                        for (int e = 0; e < 2; e++) {
                            ImageData ref = DisplayReferred.rgb(r.renderReference(fr, e == 0 ? Eye.LEFT : Eye.RIGHT, W, H, 4));
                            ImageData da = DisplayReferred.rgb(oa.get(e)), db = DisplayReferred.rgb(ob.get(e));
                            ImageData avg = ImageData.zeros(W, H, 3);
                            for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) for (int c = 0; c < 3; c++)
                                avg.set(x, y, c, 0.5f * (oa.get(e).get(x, y, c) + ob.get(e).get(x, y, c)));
                            ImageData dv = DisplayReferred.rgb(avg);
                            sum[e][0] += Psnr.of(ref, da, 1.0, all);
                            sum[e][1] += Psnr.of(ref, db, 1.0, all);
                            sum[e][2] += Psnr.of(ref, dv, 1.0, all);
                        }
                        System.err.println(a[si] + " frame " + f);
                    }
                }
                int n = frames - warm;
                System.out.printf("%s seed %d: A %.3f / %.3f  B %.3f / %.3f  ens(linear avg) %.3f / %.3f%n", a[si], seed,
                        sum[0][0] / n, sum[1][0] / n, sum[0][1] / n, sum[1][1] / n, sum[0][2] / n, sum[1][2] / n);
            }
        }
    }
}
