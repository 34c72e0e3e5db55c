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

/**
 * How much of TAAU's error is a fixed linear blur? Fits, by least squares over the measured frames, one K x K filter
 * (applied to each display-referred channel of the TAAU output, K = 3, 5, 7) to the 4x4 reference, and prints the PSNR
 * before and after. A large gain means a learned output-resolution restoration stage has room; a small one means the
 * error is not blur. Usage: java -cp "out/probes:compositor/target/dist/lib/*" TaauWiener SCENE [half]
 */
public class TaauWiener {
    public static void main(String[] a) throws Exception {
        String sceneName = a[0];
        int div = a.length > 1 && a[1].equals("half") ? 2 : 1;
        // optional third argument: a weights file; then the filter is fitted to vr-net's output instead of TAAU's
        NetModel model = a.length > 2 ? NetModel.load(NetSpec.shipped(), java.nio.file.Path.of(a[2])) : null;
        int W = 1032 / div, H = 1104 / div, frames = 24, warm = 16;
        int[] ks = {3, 5, 7};
        java.util.List<ImageData[]> pairs = new java.util.ArrayList<>();
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("probe"))) {
            Scene scene = SceneCatalog.builtIn().build(sceneName, 0);
            ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), 0),
                    scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
            RenderSettings settings = RenderSettings.stereo(W / 2, H / 2, 2.0);
            TaauReference taau = new TaauReference(W, H, TaauSettings.defaults());
            try (SceneRenderer r = SceneRenderer.create(gpu, scene);
                    VrNetRunner net = model == null ? null : VrNetRunner.open(gpu, model, NetPath.SCALAR)) {
                for (int f = 0; f < frames; f++) {
                    StereoFrame fr = views.frame(f);
                    GBufferData gb = GBufferReadback.read(gpu, r.render(fr, settings).eye(Eye.LEFT));
                    boolean reset = fr.cut() || f == 0;
                    ImageData t = net == null ? taau.frame(gb, reset)
                            : net.run(java.util.List.of(new EyeInput(gb, EyeParams.centred(W, H, reset)))).get(0);
                    if (f < warm) continue;
                    pairs.add(new ImageData[] {DisplayReferred.rgb(t), DisplayReferred.rgb(r.renderReference(fr, Eye.LEFT, W, H, 4))});
                }
            }
        }
        for (int k : ks) {
            int m = k * k, h = k / 2;
            double[][] ata = new double[m][m];
            double[] atb = new double[m];
            double se0 = 0;
            long n = 0;
            double[] row = new double[m];
            for (ImageData[] p : pairs) for (int c = 0; c < 3; c++)
                for (int y = h; y < H - h; y++) for (int x = h; x < W - h; x++) {
                    int q = 0;
                    for (int j = -h; j <= h; j++) for (int i = -h; i <= h; i++) row[q++] = p[0].get(x + i, y + j, c);
                    double b = p[1].get(x, y, c);
                    for (int u = 0; u < m; u++) {
                        atb[u] += row[u] * b;
                        for (int v = u; v < m; v++) ata[u][v] += row[u] * row[v];
                    }
                    double e = p[0].get(x, y, c) - b;
                    se0 += e * e;
                    n++;
                }
            for (int u = 0; u < m; u++) for (int v = 0; v < u; v++) ata[u][v] = ata[v][u];
            double[] wts = solve(ata, atb);
            double se1 = 0;
            for (ImageData[] p : pairs) for (int c = 0; c < 3; c++)
                for (int y = h; y < H - h; y++) for (int x = h; x < W - h; x++) {
                    double s = 0;
                    int q = 0;
                    for (int j = -h; j <= h; j++) for (int i = -h; i <= h; i++) s += wts[q++] * p[0].get(x + i, y + j, c);
                    double e = s - p[1].get(x, y, c);
                    se1 += e * e;
                }
            System.out.printf("%s %dx%d K=%d: taau %.3f dB, best linear filter %.3f dB (%+.3f); centre tap %.3f%n", sceneName, W, H, k,
                    10 * Math.log10(n / se0), 10 * Math.log10(n / se1), 10 * Math.log10(se0 / se1), wts[m / 2]);
        }
    }

    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) { System.arraycopy(a[i], 0, m[i], 0, n); m[i][n] = b[i]; }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] t = m[c]; m[c] = m[p]; m[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int q = c; q <= n; q++) m[r][q] -= f * m[c][q];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int q = r + 1; q < n; q++) s -= m[r][q] * x[q];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
