package dev.ocular.vrnet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EyeParamsTest {
    @Test
    void presetRatiosAndCustomRatiosAreAccepted() {
        assertDoesNotThrow(() -> EyeParams.centred(1440, 1600, false).checkRatio(0, 960, 1067));  // Quality 1.5
        assertDoesNotThrow(() -> EyeParams.centred(1440, 1600, false).checkRatio(0, 847, 941));   // Balanced 1.7
        assertDoesNotThrow(() -> EyeParams.centred(1440, 1600, false).checkRatio(1, 720, 800));   // Performance 2
        assertDoesNotThrow(() -> EyeParams.centred(1441, 1600, false).checkRatio(1, 480, 533));   // Ultra 3, rounded
        assertDoesNotThrow(() -> EyeParams.centred(100, 100, false).checkRatio(0, 100, 100));     // native
    }

    @Test
    void ratiosOutsideOneToThreeAreOneLineErrors() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> EyeParams.centred(1600, 1600, false).checkRatio(1, 400, 800));
        assertTrue(e.getMessage().startsWith("eye 1: output 1600x1600 over input 400x800 is ratio 4.000x2.000"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EyeParams.centred(90, 100, false).checkRatio(0, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> new EyeParams(0, 10, 0.5f, 0.5f, 2, 2, false));
    }
}
