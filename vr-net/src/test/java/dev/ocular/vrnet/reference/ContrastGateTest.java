package dev.ocular.vrnet.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The refine gate's definition: range over the clamped 3 × 3 neighbourhood, largest channel, layout-independent. */
class ContrastGateTest {

    @Test
    void flatIsClosedEdgesOpenAndTheRampIsLinear() {
        assertEquals(0f, ContrastGate.gate(0f, 0.04f));
        assertEquals(0.5f, ContrastGate.gate(0.02f, 0.04f), 1e-7f);
        assertEquals(1f, ContrastGate.gate(0.3f, 0.04f));
        assertEquals(1f, ContrastGate.gate(0f, 0f), "tau 0 turns the gate off");
    }

    @Test
    void rangeIsTheLargestChannelsAndNamesItsExtremes() {
        // 4 x 3 interleaved RGB: channel 1 has the largest spread (0.1 at (0,0), 0.7 at (2,1)).
        int w = 4;
        int h = 3;
        float[] rgb = new float[w * h * 3];
        java.util.Arrays.fill(rgb, 0.3f);
        rgb[(0 * w + 0) * 3 + 1] = 0.1f;
        rgb[(1 * w + 2) * 3 + 1] = 0.7f;
        rgb[(1 * w + 1) * 3 + 0] = 0.5f;
        ContrastGate.Extremes where = new ContrastGate.Extremes();
        float r = ContrastGate.range(rgb, new StridedLayout(0, w, h, w * 3, 3, 1), 1, 1, ContrastGate.channels(),
                where);
        assertEquals(0.6f, r, 1e-6f);
        assertEquals((1 * w + 2) * 3 + 1, where.max);
        assertEquals((0 * w + 0) * 3 + 1, where.min);
        // At (3, 2) the clamped neighbourhood holds (2,1)'s 0.7 but not (0,0): the range is 0.4.
        assertEquals(0.4f, ContrastGate.range(rgb, new StridedLayout(0, w, h, w * 3, 3, 1), 3, 2,
                ContrastGate.channels(), null), 1e-6f);
    }

    @Test
    void interleavedAndPlanarLayoutsAgree() {
        Random random = new Random(5);
        int w = 7;
        int h = 5;
        float[] interleaved = new float[w * h * 3];
        float[] planar = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = random.nextInt(8) / 8f; // coarse values: ties happen
                    interleaved[(y * w + x) * 3 + c] = v;
                    planar[(c * h + y) * w + x] = v;
                }
            }
        }
        ContrastGate.Extremes a = new ContrastGate.Extremes();
        ContrastGate.Extremes b = new ContrastGate.Extremes();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float ri = ContrastGate.range(interleaved, new StridedLayout(0, w, h, w * 3, 3, 1), x, y,
                        ContrastGate.channels(), a);
                float rp = ContrastGate.range(planar, StridedLayout.planar(w, h), x, y, ContrastGate.channels(), b);
                assertEquals(ri, rp, "range at " + x + "," + y);
                // Same value at the same pixel and channel: the tie rule picks the same extremes in both layouts.
                assertEquals(interleaved[a.max], planar[b.max]);
                assertEquals(a.max / 3 % w, b.max % w, "max column at " + x + "," + y);
                assertEquals(a.min / 3 / w, b.min % (w * h) / w, "min row at " + x + "," + y);
            }
        }
    }
}
