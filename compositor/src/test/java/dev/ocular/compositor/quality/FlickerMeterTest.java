package dev.ocular.compositor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlickerMeterTest {
    private static final LensSplit SPLIT = LensSplit.of(20, 16, 0.5, 0.5, 0.3);

    private static ImageData frame(long seed) {
        return PsnrTest.random(20, 16, 4, seed, 0, 2);
    }

    @Test
    void anOutputThatChangesLikeTheReferenceDoesNotFlicker() {
        FlickerMeter meter = new FlickerMeter(0, SPLIT);
        for (int t = 0; t < 5; t++) {
            ImageData ref = frame(t);
            meter.accept(ref, ref.copy());
        }
        FlickerMeter.Flicker f = meter.result();
        assertEquals(4, f.pairs());
        assertEquals(0.0, f.whole());
    }

    @Test
    void warmUpFramesAreSkippedAndShimmerIsMeasured() {
        FlickerMeter meter = new FlickerMeter(2, SPLIT);
        ImageData ref = frame(1);
        Random r = new Random(2);
        for (int t = 0; t < 6; t++) {
            ImageData out = ref.copy();
            for (int i = 0; i < out.data().length; i++) {
                out.data()[i] += 0.2f * r.nextFloat();
            }
            meter.accept(ref, out);
        }
        FlickerMeter.Flicker f = meter.result();
        assertEquals(3, f.pairs(), "pairs (2,3), (3,4), (4,5)");
        assertTrue(f.whole() > 0.005 && f.centre() > 0.005 && f.periphery() > 0.005, f.toString());
        assertTrue(Double.isNaN(new FlickerMeter(3, SPLIT).result().whole()));
    }
}
