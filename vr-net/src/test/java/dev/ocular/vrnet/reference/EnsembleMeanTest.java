package dev.ocular.vrnet.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ocular.gpu.frame.ImageData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ensemble mean's definition: per texel and channel, alpha included, 2 to 4 members of one shape. */
class EnsembleMeanTest {

    @Test
    void meanOfEveryChannel() {
        // 2 x 1 RGBA, three members: each channel's mean by hand.
        ImageData a = new ImageData(2, 1, 4, new float[] {0f, 1f, 2f, 1f, 3f, 0.5f, 6f, 0f});
        ImageData b = new ImageData(2, 1, 4, new float[] {3f, 1f, 4f, 1f, 0f, 0.5f, 0f, 0.5f});
        ImageData c = new ImageData(2, 1, 4, new float[] {6f, 4f, 0f, 0.25f, 0f, 2f, 3f, 1f});
        ImageData mean = EnsembleMean.apply(List.of(a, b, c));
        assertEquals(2, mean.width());
        assertEquals(1, mean.height());
        assertEquals(4, mean.channels());
        assertArrayEquals(new float[] {3f, 2f, 2f, 0.75f, 1f, 1f, 3f, 0.5f}, mean.data());
        assertArrayEquals(new float[] {1.5f, 1f, 3f, 1f, 1.5f, 0.5f, 3f, 0.25f},
                EnsembleMean.apply(List.of(a, b)).data());
        assertArrayEquals(new float[] {3f, 1.75f, 2.5f, 0.8125f, 0.75f, 0.875f, 2.25f, 0.5f},
                EnsembleMean.apply(List.of(a, b, c, b)).data());
        assertArrayEquals(new float[] {0f, 1f, 2f, 1f, 3f, 0.5f, 6f, 0f}, a.data(), "members are not changed");
    }

    @Test
    void sumsInMemberOrderThenDivides() {
        // In fp32, 2^24 + 1 rounds to 2^24 (ties to even), so summing in member order gives 2^24 - 1; summing
        // 1 - 1 first would give 2^24, whose third rounds differently.
        float big = 16777216f;
        float mean = EnsembleMean.apply(List.of(one(big), one(1f), one(-1f))).data()[0];
        assertEquals(16777215f / 3, mean);
        assertNotEquals(big / 3, mean);
    }

    @Test
    void refusesOneOrFiveMembersAndMismatchedShapes() {
        ImageData a = ImageData.zeros(3, 2, 4);
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of()));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of(a, a, a, a, a)));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of(a, ImageData.zeros(2, 3, 4))));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of(a, ImageData.zeros(3, 3, 4))));
        assertThrows(IllegalArgumentException.class, () -> EnsembleMean.apply(List.of(a, a, ImageData.zeros(3, 2, 3))));
    }

    private static ImageData one(float v) {
        return new ImageData(1, 1, 1, new float[] {v});
    }
}
