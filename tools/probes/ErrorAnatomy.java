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
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Where does TAAU's (or vr-net's) squared error sit? Left eye of one scene at a ratio (default 2), 16 warm-up frames,
 * 12 measured, 4x4 reference: the share of the display-referred squared error by TAAU's accumulated history weight (the
 * A channel of its history), by the reference's local gradient (flat / texture / edge), and by motion speed, and PNGs of
 * the last frame (reference, output, |error| x 8) in OUTDIR.
 * Usage: java -cp "out/probes:compositor/target/dist/lib/*" ErrorAnatomy SCENE OUTDIR [MOTION|-] [WEIGHTS|-] [SCALE]
 */
public class ErrorAnatomy {
    public static void main(String[] a) throws Exception {
        String sceneName = a[0];
        Path outDir = Path.of(a[1]);
        java.nio.file.Files.createDirectories(outDir);
        String motionArg = a.length > 2 ? a[2] : "-";
        NetModel model = a.length > 3 && !a[3].equals("-") ? NetModel.load(NetSpec.shipped(), Path.of(a[3])) : null;
        double scale = a.length > 4 ? Double.parseDouble(a[4]) : 2.0;
        int W = 1032, H = 1104, frames = 28, warm = 16;
        int w = (int) Math.round(W / scale), h = (int) Math.round(H / scale);
        double[] byWeight = new double[6];
        long[] nWeight = new long[6];
        double[] byGrad = new double[3];
        long[] nGrad = new long[3];
        double[] bySpeed = new double[5];
        long[] nSpeed = new long[5];
        double total = 0;
        long n = 0;
        double[] flipByGrad = new double[3];
        double ppd = dev.ocular.compositor.quality.Flip.pixelsPerDegree(W, 96.0);
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            Scene scene = SceneCatalog.builtIn().build(sceneName, 0);
            HeadMotion motion = motionArg.equals("-") ? scene.defaultMotion() : HeadMotion.parse(motionArg);
            ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(motion, 0),
                    scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
            RenderSettings settings = RenderSettings.stereo(w, h, scale);
            TaauReference taau = new TaauReference(W, H, TaauSettings.defaults());
            try (SceneRenderer r = SceneRenderer.create(gpu, scene);
                    VrNetRunner net = model == null ? null : VrNetRunner.open(gpu, model, NetPath.SCALAR)) {
                for (int f = 0; f < frames; f++) {
                    StereoFrame fr = views.frame(f);
                    GBufferData gb = GBufferReadback.read(gpu, r.render(fr, settings).eye(Eye.LEFT));
                    boolean reset = fr.cut() || f == 0;
                    ImageData t = taau.frame(gb, reset);
                    ImageData weights = taau.history();
                    if (net != null) {
                        t = net.run(java.util.List.of(new EyeInput(gb, EyeParams.centred(W, H, reset)))).get(0);
                    }
                    if (f < warm) continue;
                    ImageData ref = DisplayReferred.rgb(r.renderReference(fr, Eye.LEFT, W, H, 4));
                    ImageData out = DisplayReferred.rgb(t);
                    BufferedImage err = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
                    ImageData flip = dev.ocular.compositor.quality.Flip.errorMap(ref, out, ppd);
                    for (int y = 1; y < H - 1; y++) for (int x = 1; x < W - 1; x++) {
                        double e = 0, gsum = 0;
                        int rgb = 0;
                        for (int c = 0; c < 3; c++) {
                            double d = out.get(x, y, c) - ref.get(x, y, c);
                            e += d * d;
                            double gx = ref.get(x + 1, y, c) - ref.get(x - 1, y, c);
                            double gy = ref.get(x, y + 1, c) - ref.get(x, y - 1, c);
                            gsum += Math.sqrt(gx * gx + gy * gy);
                            rgb = rgb << 8 | Math.min(255, (int) (Math.abs(d) * 8 * 255));
                        }
                        err.setRGB(x, y, rgb);
                        total += e;
                        n++;
                        float aw = weights.get(x, y, 3);
                        int wb = aw < 1 ? 0 : aw < 2 ? 1 : aw < 3 ? 2 : aw < 5 ? 3 : aw < 8 ? 4 : 5;
                        byWeight[wb] += e; nWeight[wb]++;
                        int gb2 = gsum < 0.03 ? 0 : gsum < 0.3 ? 1 : 2;
                        byGrad[gb2] += e; nGrad[gb2]++;
                        flipByGrad[gb2] += flip.get(x, y, 0);
                        int lx = Math.min((int) (x / scale), w - 1), ly = Math.min((int) (y / scale), h - 1);
                        double mx = gb.motion().get(lx, ly, 0) * scale, my = gb.motion().get(lx, ly, 1) * scale;
                        double sp = Math.sqrt(mx * mx + my * my);
                        int sb = sp < 0.25 ? 0 : sp < 1 ? 1 : sp < 3 ? 2 : sp < 10 ? 3 : 4;
                        bySpeed[sb] += e; nSpeed[sb]++;
                    }
                    if (f == frames - 1) {
                        dev.ocular.scenes.io.PngPreview.write(dev.ocular.scenes.io.PngPreview.colour(r.renderReference(fr, Eye.LEFT, W, H, 4)), outDir.resolve(sceneName + "_ref.png"));
                        dev.ocular.scenes.io.PngPreview.write(dev.ocular.scenes.io.PngPreview.colour(t), outDir.resolve(sceneName + "_out.png"));
                        dev.ocular.scenes.io.PngPreview.write(err, outDir.resolve(sceneName + "_err8.png"));
                    }
                }
            }
        }
        System.out.printf("%s %s: PSNR %.3f dB over %d px-frames%n", sceneName, model == null ? "taau" : "vrnet",
                10 * Math.log10(3.0 * n / total), n);
        String[] wl = {"A<1", "1-2", "2-3", "3-5", "5-8", ">=8"};
        for (int i = 0; i < 6; i++) row("history weight " + wl[i], byWeight[i], nWeight[i], total, n);
        String[] gl = {"flat (|grad|<0.03)", "texture (<0.3)", "edge (>=0.3)"};
        for (int i = 0; i < 3; i++) row(gl[i], byGrad[i], nGrad[i], total, n);
        double flipTotal = flipByGrad[0] + flipByGrad[1] + flipByGrad[2];
        System.out.printf("  FLIP mean %.5f%n", flipTotal / n);
        for (int i = 0; i < 3; i++) System.out.printf("  FLIP %-22s mean %.5f  %5.1f%% of the FLIP sum%n", gl[i],
                flipByGrad[i] / nGrad[i], 100 * flipByGrad[i] / flipTotal);
        String[] sl = {"speed <0.25 px", "0.25-1", "1-3", "3-10", ">=10"};
        for (int i = 0; i < 5; i++) row(sl[i], bySpeed[i], nSpeed[i], total, n);
    }

    static void row(String label, double se, long count, double total, long n) {
        System.out.printf("  %-22s %5.1f%% of px  %5.1f%% of error  PSNR %.2f dB%n", label, 100.0 * count / n,
                100 * se / total, count == 0 ? Double.NaN : 10 * Math.log10(3.0 * count / se));
    }
}
