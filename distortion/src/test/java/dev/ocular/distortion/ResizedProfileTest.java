package dev.ocular.distortion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ocular.distortion.model.BrownConradyModel;
import dev.ocular.distortion.model.GridLensModel;
import dev.ocular.distortion.model.RadialLensModel;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.testing.TestLenses;
import java.util.stream.Stream;
import org.joml.Vector2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResizedProfileTest {

    static Stream<Arguments> profiles() {
        LensProfiles builtins = new LensProfiles();
        return Stream.of(
                Arguments.of(builtins.builtin("rift-dk1"), RadialLensModel.class),
                Arguments.of(builtins.builtin("valve-index-sample"), RadialLensModel.class),
                Arguments.of(TestLenses.tangential(240, 200), BrownConradyModel.class),
                Arguments.of(TestLenses.measuredGrid(240, 200, 13, 11), GridLensModel.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theSameFractionOfTheViewportMapsToTheSameDirection(LensProfile profile, Class<?> modelType) {
        LensProfile small = profile.resized(101, 87);
        assertEquals(202, small.panelWidthPx());
        assertEquals(87, small.panelHeightPx());
        for (Eye eye : Eye.values()) {
            EyeProfile before = profile.eye(eye);
            EyeProfile after = small.eye(eye);
            assertInstanceOf(modelType, after.model());
            assertEquals(eye == Eye.LEFT ? 0 : 101, after.viewportX());
            assertEquals(before.fov(), after.fov());
            double sx = 101.0 / before.widthPx();
            double sy = 87.0 / before.heightPx();
            Vector2d a = new Vector2d();
            Vector2d b = new Vector2d();
            for (Channel channel : Channel.values()) {
                for (double fx : new double[] {0.1, 0.37, 0.5, 0.81}) {
                    for (double fy : new double[] {0.2, 0.5, 0.66, 0.9}) {
                        double x = fx * before.widthPx();
                        double y = fy * before.heightPx();
                        before.model().panelToRender(channel, x, y, a);
                        after.model().panelToRender(channel, x * sx, y * sy, b);
                        String where = profile.name() + " " + eye + " " + channel + " at (" + fx + ", " + fy + ")";
                        assertEquals(a.x, b.x, 1e-9, where);
                        assertEquals(a.y, b.y, 1e-9, where);
                    }
                }
            }
            // Visibility is sampled at the new pixel centres: the same area up to a border of a pixel or so.
            assertEquals(profile.visibility(eye).visibleFraction(), small.visibility(eye).visibleFraction(), 0.03,
                    profile.name() + " " + eye);
        }
    }
}
