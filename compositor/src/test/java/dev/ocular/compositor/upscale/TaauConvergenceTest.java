package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.compositor.quality.PixelMask;
import dev.ocular.compositor.quality.Psnr;
import dev.ocular.compositor.quality.SyntheticScene;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TAAU's behaviour on analytic scenes: accumulated jittered samples beat single-frame interpolation (its reason to
 * exist), a reset forgets everything, and fireflies stay tamed.
 */
class TaauConvergenceTest {

    private static double psnr(ImageData reference, ImageData test) {
        return Psnr.of(DisplayReferred.rgb(reference), DisplayReferred.rgb(test), 1.0,
                PixelMask.all(reference.width(), reference.height()));
    }

    @ParameterizedTest(name = "{0}x{1} from {2}x{3}, pan ({4}, {5}), occluder ({6}, {7}) px/frame: +{8} dB")
    @CsvSource({"96, 80, 48, 40, 0, 0, 0, 0, 3", "96, 80, 48, 40, 0.37, -0.21, 0.37, -0.21, 2",
            "96, 80, 48, 40, 0, 0, 1.3, 0.6, 1", "90, 72, 60, 48, 0, 0, 0, 0, 2", "96, 78, 32, 26, 0, 0, 0, 0, 2"})
    void beatsBicubicAfterSixteenFrames(int ow, int oh, int iw, int ih, double vx, double vy, double sx, double sy,
            double margin) {
        SyntheticScene scene = new SyntheticScene(ow, oh, iw, ih, vx, vy, sx, sy);
        TaauReference taau = new TaauReference(ow, oh, TaauSettings.defaults());
        double taauSum = 0;
        double bicubicSum = 0;
        int counted = 0;
        StringBuilder log = new StringBuilder();
        for (int t = 0; t < 24; t++) {
            GBufferData in = scene.lowRes(t);
            ImageData out = taau.frame(in, false);
            ImageData cubic = ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                    ResampleKernel.BICUBIC);
            ImageData ref = scene.reference(t);
            double pt = psnr(ref, out);
            double pb = psnr(ref, cubic);
            log.append(String.format("%d: taau %.2f bicubic %.2f%n", t, pt, pb));
            if (t >= 16) {
                taauSum += pt;
                bicubicSum += pb;
                counted++;
            }
        }
        double taauMean = taauSum / counted;
        double bicubicMean = bicubicSum / counted;
        assertTrue(taauMean > bicubicMean + margin,
                "TAAU " + taauMean + " dB vs bicubic " + bicubicMean + " dB\n" + log);
    }

    @Test
    void resetStartsOverExactly() {
        SyntheticScene before = new SyntheticScene(40, 32, 20, 16, 0.3, 0.1);
        SyntheticScene after = new SyntheticScene(40, 32, 20, 16, 0, 0).with(SyntheticScene.Pattern.SHAPES);
        TaauReference used = new TaauReference(40, 32, TaauSettings.defaults());
        for (int t = 0; t < 8; t++) {
            used.frame(before.lowRes(t), false);
        }
        ImageData cut = used.frame(after.lowRes(8), true);
        ImageData fresh = new TaauReference(40, 32, TaauSettings.defaults()).frame(after.lowRes(8), false);
        assertArrayEquals(fresh.data(), cut.data(), "a reset frame must not see any earlier history");
    }

    @Test
    void aOneFrameFireflyIsTamed() {
        SyntheticScene scene = new SyntheticScene(40, 32, 20, 16, 0, 0);
        TaauReference taau = new TaauReference(40, 32, TaauSettings.defaults());
        float max = 0;
        for (int t = 0; t < 12; t++) {
            GBufferData in = scene.lowRes(t);
            if (t == 10) {
                for (int c = 0; c < 3; c++) {
                    in.colour().set(9, 7, c, 60000f);
                }
            }
            ImageData out = taau.frame(in, false);
            for (float v : out.data()) {
                assertTrue(Float.isFinite(v), "frame " + t + " has a non-finite output");
                max = t >= 10 ? Math.max(max, v) : max;
            }
        }
        // Blended in linear light, one 60000 sample against ~10 samples of history leaves thousands; blended on
        // c / (1 + Y) it stays a displayable highlight.
        assertTrue(max < 20f, "firefly leaked " + max + " into the output");
    }
}
