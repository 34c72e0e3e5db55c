package dev.ocular.distortion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.profile.LensProfiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ocular's accuracy claims for every built-in profile, both eyes, all channels, over the visible area: exact inverse
 * round trip under 0.01 px; mesh against per-pixel evaluation under 0.25 px max and 0.05 px mean, for bilinear and
 * triangle interpolation.
 */
class BuiltinProfilesTest {
    private static final LensProfiles PROFILES = new LensProfiles();

    static List<String> builtins() {
        return PROFILES.builtinNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtins")
    void meetsEveryBudget(String name) {
        LensProfile profile = PROFILES.builtin(name);
        LensReport report = new LensReporter(MeshBudget.DEFAULT).report(profile);
        assertEquals(2, report.eyes().size());
        for (LensReport.EyeReport eye : report.eyes()) {
            assertTrue(eye.visibleFraction() > 0.3, name + " " + eye.eye() + " visible " + eye.visibleFraction());
            assertTrue(eye.meshCellsX() >= 8 && eye.meshCellsY() >= 8, name + " " + eye.eye() + " mesh");
            assertEquals(3, eye.channels().size());
            for (LensReport.ChannelReport ch : eye.channels()) {
                String where = name + " " + eye.eye() + " " + ch.channel() + ": ";
                assertEquals(0, ch.roundTripFailures(), where + "round-trip failures");
                assertTrue(ch.roundTripMaxPx() < 0.01, where + "round trip " + ch.roundTripMaxPx() + " px");
                assertTrue(ch.roundTripRenderMaxTan() < 1e-9,
                        where + "render round trip " + ch.roundTripRenderMaxTan());
                assertTrue(ch.meshMaxPx() < 0.25, where + "mesh max " + ch.meshMaxPx() + " px");
                assertTrue(ch.meshMeanPx() < 0.05, where + "mesh mean " + ch.meshMeanPx() + " px");
                assertTrue(ch.meshTrianglesMaxPx() < 0.25, where + "triangles max " + ch.meshTrianglesMaxPx());
                assertTrue(ch.meshTrianglesMeanPx() < 0.05, where + "triangles mean " + ch.meshTrianglesMeanPx());
                assertTrue(ch.meshMeanPx() > 0.0, where + "a mesh of a real lens is not exact");
            }
        }
        assertTrue(report.withinBudget(), name);
    }
}
