package dev.ocular.compositor.upscale;

import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.compositor.quality.PixelMask;
import dev.ocular.compositor.quality.Psnr;
import dev.ocular.compositor.quality.SyntheticScene;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import org.junit.jupiter.api.Test;

class TaauSweepTest {
    static final double[][] SCENES = {{0, 0, 0, 0}, {0.37, -0.21, 0.37, -0.21}, {0, 0, 1.3, 0.6},
        {0.37, -0.21, -0.9, 0.8}};

    static double run(TaauSettings s, double[] sc, boolean cubic) {
        SyntheticScene scene = new SyntheticScene(96, 80, 48, 40, sc[0], sc[1], sc[2], sc[3]);
        TaauReference taau = cubic ? null : new TaauReference(96, 80, s);
        dev.ocular.compositor.quality.FlickerMeter fm = new dev.ocular.compositor.quality.FlickerMeter(16,
                dev.ocular.compositor.quality.LensSplit.of(96, 80, 0.5, 0.5, 0.3));
        double sum = 0; int n = 0;
        for (int t = 0; t < 32; t++) {
            GBufferData in = scene.lowRes(t);
            ImageData out = cubic ? ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), 96, 80,
                    ResampleKernel.BICUBIC) : taau.frame(in, false);
            fm.accept(scene.reference(t), out);
            if (t == 31) FLICK[0] = fm.result().whole();
            if (t >= 16) {
                ImageData ref = scene.reference(t);
                sum += Psnr.of(DisplayReferred.rgb(ref), DisplayReferred.rgb(out), 1.0, PixelMask.all(96, 80));
                n++;
            }
        }
        return sum / n;
    }

    static final double[] FLICK = new double[1];

    static double trail(TaauSettings s) {
        SyntheticScene scene = new SyntheticScene(96, 80, 48, 40, 0, 0, 1.3, 0.6);
        TaauReference taau = new TaauReference(96, 80, s);
        double sum = 0; int n = 0;
        for (int t = 0; t < 32; t++) {
            ImageData out = taau.frame(scene.lowRes(t), false);
            if (t >= 16) {
                boolean[] in = new boolean[96 * 80];
                for (int y = 0; y < 80; y++) for (int x = 0; x < 96; x++) {
                    boolean was = false;
                    for (int k = 1; k <= 8; k++) was |= scene.onSquare(x + 0.5, y + 0.5, t - k);
                    in[y * 96 + x] = was && !scene.onSquare(x + 0.5, y + 0.5, t) && !scene.onSquare(x - 1, y - 1, t)
                        && !scene.onSquare(x + 2, y + 2, t) && !scene.onSquare(x - 1, y + 2, t) && !scene.onSquare(x + 2, y - 1, t);
                }
                ImageData ref = scene.reference(t);
                sum += Psnr.of(DisplayReferred.rgb(ref), DisplayReferred.rgb(out), 1.0, new PixelMask(96, 80, in));
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void sweep() {
        StringBuilder b = new StringBuilder("bicubic           ");
        for (double[] sc : SCENES) b.append(String.format(" %6.2f/%.4f", run(null, sc, true), FLICK[0]));
        System.out.println(b);
        for (String mode : System.getProperty("sweep.modes", "var").split(",")) {
            System.setProperty("taau.clip", mode);
            for (String g : System.getProperty("sweep.gammas", "1").split(",")) {
                for (String w : System.getProperty("sweep.weights", "10").split(",")) {
                    float gamma = Float.parseFloat(g);
                    float maxW;
                    String[] wp = w.split(":");
                    maxW = Float.parseFloat(wp[0]);
                    TaauSettings s = new TaauSettings(gamma, maxW, Float.parseFloat(wp[1]), Float.parseFloat(wp[2]),
                            Float.parseFloat(System.getProperty("sweep.rej", "1")));
                    b = new StringBuilder(String.format("%-6s g%.2f w%s ", mode, gamma, w));
                    for (double[] sc : SCENES) b.append(String.format(" %6.2f/%.4f", run(s, sc, false), FLICK[0]));
                    b.append(String.format("  trail %6.2f", trail(s)));
                    System.out.println(b);
                }
            }
        }
    }
}
