package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.FuseSample;
import dev.ocular.vrnet.reference.PackOp;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two history reads' transposes ({@link HistoryAdjoint}) against finite differences of the reads themselves, which
 * are smooth in the history texels: every checked value must match.
 */
class HistoryAdjointTest {
    /**
     * The reprojected history read alone (no clip, no blend: smooth in history), exactly: Σ u · (the four gathered
     * values) over all output pixels, differentiated by HistoryAdjoint against finite differences per texel. Large
     * motion sends reads off the edges (clamped taps) and off screen (no read).
     */
    @ParameterizedTest(name = "{0}x{1} → {2}x{3}")
    @CsvSource({"5, 4, 9, 7", "6, 5, 11, 10", "4, 3, 12, 9"})
    void historyReadAdjointMatchesFiniteDifferences(int w, int h, int ow, int oh) {
        Random r = new Random(w * 31L + oh);
        GBufferData g = TestData.gbuffer(r, w, h);
        ImageData history = TestData.image(r, ow, oh, 4, 0f, 3f);
        Planes upstream = TestData.planes(r, 4, ow, oh, 1f);
        FuseSample sample = new FuseSample();
        Planes analytic = Planes.zeros(4, ow, oh);
        HistoryAdjoint adjoint = new HistoryAdjoint();
        float[] grad = new float[4];
        int read = 0;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                sample.gather(g, history, ow, oh, x, y);
                if (sample.historyValid()) {
                    read++;
                    for (int k = 0; k < 4; k++) {
                        grad[k] = upstream.get(k, x, y);
                    }
                    adjoint.fuseRead(history, sample, grad, analytic);
                }
            }
        }
        assertTrue(read > 0 && read < ow * oh, read + " of " + ow * oh + " pixels read history: want some, not all");
        DoubleSupplier loss = () -> {
            double s = 0;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    sample.gather(g, history, ow, oh, x, y);
                    for (int k = 0; sample.historyValid() && k < 4; k++) {
                        s += (double) sample.historyValue(k) * upstream.get(k, x, y);
                    }
                }
            }
            return s;
        };
        GradCheck check = new GradCheck("history read " + ow + "x" + oh, 1e-2, 2e-4, 1e-2);
        check.checkImage("history", history, analytic, loss);
        check.assertPassed(0, ow * oh);
    }

    /** The pack op's history channels (10–12, tone-mapped bilinear reads), transposed. */
    @ParameterizedTest(name = "{0}x{1} → {2}x{3}")
    @CsvSource({"5, 4, 9, 7", "6, 5, 11, 10", "4, 3, 12, 9"})
    void packReadAdjointMatchesFiniteDifferences(int w, int h, int ow, int oh) {
        Random r = new Random(w * 131L + oh);
        GBufferData g = TestData.gbuffer(r, w, h);
        ImageData history = TestData.image(r, ow, oh, 4, 0f, 3f);
        EyeParams p = EyeParams.centred(ow, oh, false);
        List<String> inputs = NetSpec.shipped().inputs();
        Planes upstream = TestData.planes(r, inputs.size(), w, h, 1f);
        Planes analytic = Planes.zeros(4, ow, oh);
        new HistoryAdjoint().packRead(g, history, p, upstream, analytic);
        DoubleSupplier loss = () -> {
            ImageData packed = PackOp.apply(g, history, null, p, 8f, inputs);
            double s = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int at = HistoryAdjoint.PACK_HISTORY_AT + c;
                        s += (double) packed.get(x, y, at) * upstream.get(at, x, y);
                    }
                }
            }
            return s;
        };
        GradCheck check = new GradCheck("pack history read " + w + "x" + h, 1e-2, 2e-4, 1e-2);
        check.checkImage("history", history, analytic, loss);
        check.assertPassed(0, w * h / 2);
        double weightGradient = 0;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                weightGradient += Math.abs(analytic.get(3, x, y));
            }
        }
        assertEquals(0, weightGradient, "the pack op does not read the accumulated weight");
    }
}
