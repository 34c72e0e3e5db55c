package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.ToneMap;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fuse op's forward pass against the reference op (bit for bit), its backward pass against finite differences of
 * the whole reference op with respect to every head texel: this checks the per-pixel differences, their bilinear
 * scatter back to the head's low-resolution texels and the loss contraction, for σ, the history cap, γ and the
 * residual.
 */
class FuseGradTest {
    /** The shipped constants with the residual on (the shipped spec turns it off; the op keeps it). */
    private static final FuseConstants K = NetSpec.shipped().fuse().withResidualScale(0.05f);

    /** Σ upstream · T(FuseOp(head).rgb): the oracle's loss whose gradient backward computes from gradY = upstream. */
    private static DoubleSupplier oracleLoss(ImageData head, GBufferData g, ImageData history, EyeParams p,
            Planes upstream) {
        return () -> {
            ImageData out = FuseOp.apply(head, g, history, p, K).output();
            double s = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < p.outHeight(); y++) {
                    for (int x = 0; x < p.outWidth(); x++) {
                        s += (double) ToneMap.forward(out.get(x, y, c)) * upstream.get(c, x, y);
                    }
                }
            }
            return s;
        };
    }

    private static Planes check(String where, GBufferData g, ImageData history, EyeParams p, ImageData head,
            long seed, int minNonZero) {
        Random r = new Random(seed);
        Planes planar = Planes.of(head);
        Planes y = Planes.zeros(3, p.outWidth(), p.outHeight());
        ImageData out = new FuseGrad().forward(planar, g, history, p, K, y);
        ImageData expected = FuseOp.apply(head, g, history, p, K).history();
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], out.data()[i], 0f, where + ": forward value " + i);
        }
        Planes upstream = TestData.planes(r, 3, p.outWidth(), p.outHeight(), 1f);
        Planes gradHead = Planes.zeros(6, head.width(), head.height());
        new FuseGrad().backward(planar, g, history, p, K, upstream, gradHead, null);
        GradCheck check = new GradCheck(where, 2e-3, 3e-4, 1e-2);
        DoubleSupplier loss = oracleLoss(head, g, history, p, upstream);
        check.checkImage("head", head, gradHead, loss);
        check.assertPassed(0.1, minNonZero);
        return gradHead;
    }

    @ParameterizedTest(name = "{0}x{1} → {2}x{3}, history {4}")
    @CsvSource({"5, 4, 9, 7, false", "5, 4, 9, 7, true", "6, 5, 12, 10, true", "4, 3, 12, 9, true",
        "7, 3, 7, 3, true"})
    void backwardMatchesFiniteDifferencesOfTheReference(int w, int h, int ow, int oh, boolean withHistory) {
        Random r = new Random(w * 1000L + ow * 10L + (withHistory ? 1 : 0));
        GBufferData g = TestData.gbuffer(r, w, h);
        // Small motion keeps most reprojections on screen; history far from the current frame in places, so the
        // clamp is active for some channels and not for others.
        for (int i = 0; i < g.motion().data().length; i++) {
            g.motion().data()[i] *= 0.3f;
        }
        ImageData history = withHistory ? TestData.image(r, ow, oh, 4, 0f, 3f) : null;
        if (history != null) {
            // Every fourth pixel's accumulated weight twice the largest cap the constants allow, so the cap binds
            // there whatever the spec's octave range (else its gradient is rightly 0 and the check below means
            // nothing) — far above the cap, so min(weight, cap) puts no kink within the finite-difference step.
            float top = 2f * K.maxHistory() * (float) Math.pow(2, K.capOctaves());
            for (int y = 0; y < oh; y++) {
                for (int x = (y % 4); x < ow; x += 4) {
                    history.set(x, y, 3, top);
                }
            }
        }
        ImageData head = ImageData.zeros(w, h, 6);
        for (int i = 0; i < head.data().length; i++) {
            head.data()[i] = (float) (r.nextGaussian() * 1.5);
        }
        Planes grad = check(w + "x" + h + "→" + ow + "x" + oh + (withHistory ? " with history" : ""), g, history,
                EyeParams.centred(ow, oh, false), head, r.nextLong(), 10);
        double[] perChannel = new double[6];
        for (int c = 0; c < 6; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    perChannel[c] += Math.abs(grad.get(c, x, y));
                }
            }
        }
        assertTrue(perChannel[0] > 0 && perChannel[3] > 0, "σ and residual always matter");
        assertEquals(withHistory, perChannel[1] > 0, "α matters exactly when history is used");
        assertEquals(withHistory, perChannel[2] > 0, "γ matters exactly when history is clamped");
    }

    /**
     * Back-propagation through time, both directions of the fuse op: dL/d history (the reprojected Lanczos read of
     * colour and bilinear read of weight, through the clip box and the capped blend) against finite differences of the
     * reference op with respect to every history texel; and dL/d head given dL/d (the history the op leaves) against
     * finite differences of that history, unrounded.
     */
    @ParameterizedTest(name = "{0}x{1} → {2}x{3}")
    @CsvSource({"5, 4, 9, 7", "6, 5, 11, 10", "4, 3, 12, 9"})
    void historyGradientsMatchFiniteDifferences(int w, int h, int ow, int oh) {
        Random r = new Random(w * 7919L + ow);
        GBufferData g = TestData.gbuffer(r, w, h);
        for (int i = 0; i < g.motion().data().length; i++) {
            g.motion().data()[i] *= 0.3f;
        }
        ImageData history = TestData.image(r, ow, oh, 4, 0f, 3f);
        ImageData head = ImageData.zeros(w, h, 6);
        for (int i = 0; i < head.data().length; i++) {
            head.data()[i] = (float) (r.nextGaussian() * 1.5);
        }
        EyeParams p = EyeParams.centred(ow, oh, false);
        Planes planar = Planes.of(head);
        Planes upstream = TestData.planes(r, 3, ow, oh, 1f);
        Planes gradHistory = Planes.zeros(4, ow, oh);
        new FuseGrad().backward(planar, g, history, p, K, upstream, Planes.zeros(6, w, h), gradHistory);
        GradCheck into = new GradCheck("dL/d history " + ow + "x" + oh, 2e-3, 3e-4, 1e-2);
        DoubleSupplier loss = oracleLoss(head, g, history, p, upstream);
        into.checkImage("history", history, gradHistory, loss);
        into.assertMostlyPassed(0.1, 20, 0.08, 0.05);

        Planes upstreamHistory = TestData.planes(r, 4, ow, oh, 1f);
        Planes gradHead = Planes.zeros(6, w, h);
        new FuseGrad().backwardThroughOutput(planar, g, history, p, K, upstreamHistory, gradHead);
        GradCheck back = new GradCheck("history left, dL/d head " + ow + "x" + oh, 2e-3, 3e-4, 1e-2);
        DoubleSupplier left = () -> {
            ImageData kept = TestData.unroundedHistory(head, g, history, p, K);
            double s = 0;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    for (int c = 0; c < 4; c++) {
                        s += (double) kept.get(x, y, c) * upstreamHistory.get(c, x, y);
                    }
                }
            }
            return s;
        };
        back.checkImage("head", head, gradHead, left);
        back.assertMostlyPassed(0.5, 10, 0.1, 0.1);
    }

    @Test
    void outputClampStopsTheResidualGradient() {
        // Grey colours 0 and 1000 (perceptual luma 0 and 0.999): a residual of ±0.05 pushes luma beyond [0, MAX] and
        // the luma clamp holds it there, while chroma residuals drive channels below 0 or beyond fp16's range, where
        // the colour clamp holds them: those gradients are 0 — as the finite differences also say. Texels with no
        // push keep some outputs inside, where gradients flow.
        int w = 4;
        int h = 3;
        GBufferData random = TestData.gbuffer(new Random(5), w, h);
        // No jitter: each output pixel sits on its own sample, so neighbours barely move it.
        GBufferData g = new GBufferData(random.colour(), random.depth(), random.motion(), 0f, 0f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    g.colour().set(x, y, c, (x + y) % 2 == 0 ? 0f : 1e3f);
                }
            }
        }
        ImageData head = ImageData.zeros(w, h, 6);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float push = x == 0 ? 0f : ((x + y) % 2 == 0 ? -6f : 6f);
                for (int c = 3; c < 6; c++) {
                    head.set(x, y, c, push);
                }
                head.set(x, y, 0, -6f);  // narrowest σ: each output pixel takes its nearest sample
            }
        }
        Planes grad = check("output clamp", g, null, EyeParams.centred(w, h, true), head, 11, 1);
        int clampedResiduals = 0;
        for (int c = 3; c < 6; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    clampedResiduals += grad.get(c, x, y) == 0f ? 1 : 0;
                }
            }
        }
        assertTrue(clampedResiduals > 0, "some residuals were clamped away");
    }
}
