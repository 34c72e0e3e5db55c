package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.frame.ImageData;
import java.util.List;

/** Compares per-eye GPU results with the CPU reference and fails with the kernel, variant and shape in the message. */
final class Comparison {
    private Comparison() {
    }

    static ErrorStats assertClose(String what, List<ImageData> expected, List<ImageData> actual, double nmse,
            double maxAbs) {
        assertEquals(expected.size(), actual.size(), what + ": eye count");
        ErrorStats worst = null;
        for (int e = 0; e < expected.size(); e++) {
            ImageData x = expected.get(e);
            ImageData a = actual.get(e);
            String where = what + ", eye " + e + " " + x.width() + "x" + x.height() + "x" + x.channels();
            assertEquals(x.width() * x.height() * x.channels(), a.data().length, where + ": size");
            ErrorStats stats = ErrorStats.compare(x.data(), a.data());
            assertEquals(0, stats.nonFinite(), where + ": outputs left unwritten (NaN) or non-finite: " + stats);
            assertTrue(stats.within(nmse, maxAbs), where + ": " + stats + " exceeds NMSE " + nmse + " / max-abs "
                    + maxAbs);
            System.out.println(where + ": " + stats);
            worst = worst == null || stats.nmse() > worst.nmse() ? stats : worst;
        }
        return worst;
    }
}
