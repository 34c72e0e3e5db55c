package dev.ocular.vrnet.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.Activation;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.model.LayerKind;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.model.NetSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU reference checked against values worked out by hand: it is the oracle, so it gets its own oracle. */
class ReferenceOpsTest {
    /** The shipped constants with the residual on (the shipped spec turns it off; the op keeps it). */
    private static final FuseConstants K = NetSpec.shipped().fuse().withResidualScale(0.05f);

    private static ImageData uniform(int w, int h, float depth) {
        ImageData d = ImageData.zeros(w, h, 1);
        Arrays.fill(d.data(), depth);
        return d;
    }

    private static GBufferData flat(int w, int h, float colour, float jx, float jy) {
        ImageData c = ImageData.zeros(w, h, 4);
        for (int i = 0; i < c.data().length; i++) {
            c.data()[i] = (i & 3) == 3 ? 1f : colour;
        }
        return new GBufferData(c, ImageData.zeros(w, h, 1), ImageData.zeros(w, h, 2), jx, jy);
    }

    @Test
    void convolutionShiftsWithZeroPadding() {
        // One input and output channel; only tap (kx=0, ky=0) is 1: out(x, y) = in(x − 1, y − 1), 0 off the image.
        LayerSpec layer = new LayerSpec("c", LayerKind.CONV3X3, 1, 1, Activation.NONE);
        float[] w = new float[9];
        w[0] = 1f;
        ImageData in = new ImageData(3, 2, 1, new float[] {1, 2, 3, 4, 5, 6});
        ImageData out = ConvOp.apply(in, new ConvWeights(layer, w, new float[] {0.5f}));
        assertEquals(Arrays.toString(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 1.5f, 2.5f}), Arrays.toString(out.data()));
    }

    @Test
    void convolutionMixesChannelsAndAppliesRelu() {
        // 1x1, 2 in -> 1 out: relu(2·a − b + bias).
        LayerSpec layer = new LayerSpec("c", LayerKind.CONV1X1, 2, 1, Activation.RELU);
        ImageData in = new ImageData(2, 1, 2, new float[] {1, 1, 0, 3});
        ImageData out = ConvOp.apply(in, new ConvWeights(layer, new float[] {2, -1}, new float[] {0.25f}));
        assertEquals(Arrays.toString(new float[] {1.25f, 0f}), Arrays.toString(out.data()));
    }

    @Test
    void packDefinesEveryChannel() {
        GBufferData g = flat(4, 2, 1f, 0.25f, -0.125f);
        g.depth().set(1, 0, 0, 0.75f);
        g.motion().set(1, 0, 0, 8f);  // softsign(8, 8) = 0.5
        g.motion().set(1, 0, 1, -0.5f);
        ImageData history = ImageData.zeros(8, 4, 4);
        Arrays.fill(history.data(), 3f);  // T(3) = 0.75
        EyeParams p = new EyeParams(8, 4, 0.5f, 0.5f, 2f, 2f, false);
        ImageData packed = PackOp.apply(g, history, null, p, 8f, NetSpec.INPUTS);
        float[] expected = {0.5f, 0.5f, 0.5f, 0.75f, 0.5f, -0.5f / 8.5f, (1.5f / 4 - 0.5f) * 2, (0.5f / 2 - 0.5f) * 2,
            0.25f, -0.125f, 0, 0, 0, 0};
        // (1 + 0.5 + 8)·2 = 19 > 8 output pixels: the surface was off-screen last frame, so no history.
        for (int c = 0; c < 14; c++) {
            assertEquals(expected[c], packed.get(1, 0, c), 1e-6, "channel " + c);
        }
        assertEquals(0.75f, packed.get(2, 1, 10), 1e-6, "history seen through the tone map");
        assertEquals(1f, packed.get(2, 1, 13), "history valid where it reprojects inside");
        assertEquals(0f, PackOp.apply(g, null, null, p, 8f, NetSpec.INPUTS).get(2, 1, 13),
                "no history when it is not usable");
    }

    @Test
    void packComparesThePreviousDepthWhereTheSurfaceWas() {
        // 4 × 2 at 2×; every pixel at depth 0.5 (reverse-Z), moving one pixel left: last frame it was one pixel right.
        GBufferData g = flat(4, 2, 1f, 0f, 0f);
        Arrays.fill(g.depth().data(), 0.5f);
        for (int i = 0; i < g.motion().data().length; i += 2) {
            g.motion().data()[i] = 1f;
        }
        ImageData history = ImageData.zeros(8, 4, 4);
        ImageData previous = uniform(4, 2, 0.5f);
        EyeParams p = new EyeParams(8, 4, 0.5f, 0.5f, 2f, 2f, false);
        List<String> inputs = NetSpec.shipped().withDisocclusionInput().inputs();
        assertEquals(NetSpec.DISOCCLUSION, inputs.get(14));
        ImageData packed = PackOp.apply(g, history, previous, p, 8f, inputs);
        float k = PackOp.DISOCCLUSION_SOFTSIGN;
        assertEquals(0f, packed.get(1, 0, 14), 1e-6, "same depth where the surface was");
        assertEquals(1f / (k + 1f), PackOp.apply(g, history, uniform(4, 2, 1f), p, 8f, inputs).get(1, 0, 14), 1e-6,
                "uncovered: last frame's surface was twice as near");
        assertEquals(-1f / (k + 1f), PackOp.apply(g, history, uniform(4, 2, 0.25f), p, 8f, inputs).get(2, 1, 14),
                1e-6, "covered: last frame's surface was twice as far");
        // Of the four texels around a position between texels, the closest in depth counts: one match is enough.
        GBufferData between = flat(4, 2, 1f, 0f, 0f);
        Arrays.fill(between.depth().data(), 0.5f);
        between.motion().set(1, 0, 0, 0.5f);
        between.motion().set(1, 0, 1, 0.5f);
        ImageData mostlyNear = uniform(4, 2, 1f);
        mostlyNear.set(2, 1, 0, 0.5f * 1.25f);
        float l = (float) (Math.log(1.25) / Math.log(2));
        assertEquals(l / (k + l), PackOp.apply(between, history, mostlyNear, p, 8f, inputs).get(1, 0, 14), 1e-6,
                "the best of texels (1..2, 0..1)");
        // No history, no previous depth, or a previous depth of another size: nothing to compare, 0.
        assertEquals(0f, PackOp.apply(g, null, previous, p, 8f, inputs).get(1, 0, 14));
        assertEquals(0f, PackOp.apply(g, history, null, p, 8f, inputs).get(1, 0, 14));
        assertEquals(0f, PackOp.apply(g, history, ImageData.zeros(5, 2, 1), p, 8f, inputs).get(1, 0, 14));
        // The other channels do not depend on it; with both optional inputs, upscale comes first.
        ImageData plain = PackOp.apply(g, history, previous, p, 8f, NetSpec.INPUTS);
        List<String> both = NetSpec.shipped().withDisocclusionInput().withUpscaleInput().inputs();
        assertEquals(List.of(NetSpec.UPSCALE, NetSpec.DISOCCLUSION), both.subList(14, 16));
        ImageData wide = PackOp.apply(g, history, previous, p, 8f, both);
        for (int ch = 0; ch < 14; ch++) {
            assertEquals(plain.get(1, 0, ch), packed.get(1, 0, ch), "channel " + ch);
        }
        assertEquals(packed.get(1, 0, 14), wide.get(1, 0, 15));
        assertEquals(0f, wide.get(1, 0, 14), "upscale at 2x");
    }

    @Test
    void packAddsTheUpscaleRatioWhenTheSpecAsksForIt() {
        GBufferData g = flat(4, 2, 1f, 0.25f, -0.125f);
        // 8 × 4 from 4 × 2 is 2× (0), 6 × 3 is 1.5× (log2 1.5 − 1), 12 × 3 mixes 3× and 1.5× (geometric mean 2.12×).
        float[][] cases = {{8, 4, 0f}, {6, 3, (float) (Math.log(1.5) / Math.log(2)) - 1f},
            {12, 3, (float) (0.5 * Math.log(4.5) / Math.log(2)) - 1f}};
        for (float[] c : cases) {
            EyeParams p = new EyeParams((int) c[0], (int) c[1], 0.5f, 0.5f, 2f, 2f, false);
            ImageData with = PackOp.apply(g, null, null, p, 8f, NetSpec.shipped().withUpscaleInput().inputs());
            ImageData without = PackOp.apply(g, null, null, p, 8f, NetSpec.INPUTS);
            assertEquals(15, with.channels());
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 4; x++) {
                    assertEquals(c[2], with.get(x, y, 14), 1e-6, "upscale at " + c[0] + " x " + c[1]);
                    for (int ch = 0; ch < 14; ch++) {
                        assertEquals(without.get(x, y, ch), with.get(x, y, ch), "channel " + ch + " unchanged");
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PackOp.apply(g, null, null, EyeParams.centred(8, 4, true),
                8f, List.of("colour_r")));
    }

    @Test
    void fuseReproducesAFlatImageAtAnyRatioAndJitter() {
        GBufferData g = flat(5, 3, 2f, 0.3f, -0.4f);
        ImageData head = new ImageData(5, 3, 6, new float[5 * 3 * 6]);
        ImageData out = FuseOp.apply(head, g, null, EyeParams.centred(9, 7, true), K).output();
        for (int i = 0; i < out.data().length; i++) {
            assertEquals((i & 3) == 3 ? 1f : 2f, out.data()[i], 1e-5, "value " + i);
        }
    }

    @Test
    void fuseRejectsHistoryOutsideTheNeighbourhoodAndAccumulatesHistoryInsideIt() {
        // Flat colour 1: the neighbourhood has no spread, so history 3 lies far outside the clip box; it is pulled
        // to the box edge (mean + CLIP_EPSILON in its direction) and loses nearly all its weight.
        GBufferData g = flat(4, 4, 1f, 0f, 0f);
        ImageData head = ImageData.zeros(4, 4, 6);
        EyeParams p = EyeParams.centred(8, 8, false);
        ImageData far = ImageData.zeros(8, 8, 4);
        Arrays.fill(far.data(), 3f);
        FuseOp.Fused rejected = FuseOp.apply(head, g, far, p, K);
        assertEquals(1f, rejected.output().get(3, 3, 0), 2e-3);
        float fresh = FuseOp.apply(head, g, null, p, K).history().get(3, 3, 3);
        assertTrue(fresh > 0.2f && fresh < 3f, "one frame's sample mass: " + fresh);
        assertEquals(fresh, rejected.history().get(3, 3, 3), 0.05f * fresh, "rejected history adds ~nothing");
        // History equal to the current frame, weight 5: kept whole, so the next weight is 5 + this frame's mass.
        ImageData same = ImageData.zeros(8, 8, 4);
        for (int i = 0; i < same.data().length; i++) {
            same.data()[i] = (i & 3) == 3 ? 5f : 1f;
        }
        FuseOp.Fused kept = FuseOp.apply(head, g, same, p, K);
        assertEquals(1f, kept.output().get(3, 3, 1), 1e-5);
        assertEquals(Math.min(5f + fresh, K.maxHistory()), kept.history().get(3, 3, 3), 0.01f);
    }

    @Test
    void headParametersStayInTheirRanges() {
        assertEquals(K.sigmaBase() / Math.pow(2, K.sigmaOctaves()), HeadParams.sigma(-100, K), 1e-6);
        assertEquals(K.sigmaBase() * Math.pow(2, K.sigmaOctaves()), HeadParams.sigma(100, K), 1e-6);
        assertEquals(K.sigmaBase(), HeadParams.sigma(0, K), 0f);
        assertEquals(Math.pow(2, -K.capOctaves()), HeadParams.capScale(-100, K), 1e-6);
        assertEquals(1f, HeadParams.capScale(0, K), 0f);
        assertEquals(K.gammaBase() * Math.pow(2, K.gammaOctaves()), HeadParams.gamma(100, K), 1e-5);
        assertEquals(-K.residualScale(), HeadParams.residual(-100, K), 1e-6);
    }

    @Test
    void historyIsUsableOnlyWithoutResetAndAtTheSameSize() {
        ImageData prev = ImageData.zeros(8, 8, 4);
        assertSame(prev, ReferenceNet.usableHistory(prev, EyeParams.centred(8, 8, false)));
        assertNull(ReferenceNet.usableHistory(prev, EyeParams.centred(8, 8, true)));
        assertNull(ReferenceNet.usableHistory(prev, EyeParams.centred(9, 8, false)));
        assertNull(ReferenceNet.usableHistory(null, EyeParams.centred(8, 8, false)));
    }

    @Test
    void bilinearUsesPixelCentresAndClampsToTheEdge() {
        ImageData img = new ImageData(2, 1, 1, new float[] {0, 10});
        assertEquals(0f, Bilinear.sample(img, 0.5f, 0.5f, 0));
        assertEquals(5f, Bilinear.sample(img, 1.0f, 0.5f, 0));
        assertEquals(10f, Bilinear.sample(img, 5f, -3f, 0));
    }
}
