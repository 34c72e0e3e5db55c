package dev.ocular.distortion.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.mesh.DistortionMesh;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.testing.TestLenses;
import java.nio.FloatBuffer;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerPixelLensDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rift-dk1, POLYNOMIAL", "rift-dk2, POLYNOMIAL", "rift-cv1, POLYNOMIAL", "vive, POLYNOMIAL",
            "psvr, POLYNOMIAL", "cardboard-v1, POLYNOMIAL", "cardboard-v2, POLYNOMIAL",
            "oculus-mobile-atw, CATMULL_ROM", "valve-index-sample, RATIONAL"})
    void everyBuiltinIsEvaluatedAnalytically(String name, LensSource expected) {
        LensProfile profile = new LensProfiles().builtin(name);
        for (Eye eye : Eye.values()) {
            assertEquals(expected, PerPixelLensData.radialFamily(profile.eye(eye)).orElseThrow(), name + " " + eye);
        }
    }

    @Test
    void twoDimensionalModelsFallBackToTheTable() {
        LensProfile tangential = TestLenses.tangential(30, 20);
        LensProfile grid = TestLenses.measuredGrid(30, 20, 5, 5);
        for (LensProfile profile : new LensProfile[] {tangential, grid}) {
            PerPixelLensData data = PerPixelLensData.of(profile.eye(Eye.RIGHT), profile.visibility(Eye.RIGHT));
            assertEquals(LensSource.TABLE, data.source(), profile.name());
            assertEquals(30 * 20 * 6, data.floatCount());
        }
    }

    @Test
    void theTableHoldsTheModelsUvsAtVisiblePixelCentres() {
        LensProfile profile = TestLenses.tangential(31, 23);
        EyeProfile eye = profile.eye(Eye.LEFT);
        PanelVisibility visible = profile.visibility(Eye.LEFT);
        FloatBuffer table = PerPixelLensData.table(eye, visible).toBytes().asFloatBuffer();
        Vector2d render = new Vector2d();
        int hidden = 0;
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 31; x++) {
                for (Channel channel : Channel.values()) {
                    int at = ((y * 31 + x) * 3 + channel.ordinal()) * 2;
                    if (!visible.isVisible(x, y)) {
                        assertEquals(DistortionMesh.OFF_IMAGE, table.get(at));
                        hidden++;
                        continue;
                    }
                    eye.model().panelToRender(channel, x + 0.5, y + 0.5, render);
                    assertEquals(eye.fov().toU(render.x), table.get(at), 1e-6);
                    assertEquals(eye.fov().toV(render.y), table.get(at + 1), 1e-6);
                }
            }
        }
        assertTrue(hidden > 0 && hidden < 3 * 31 * 23 / 2, "a mix of hidden and visible pixels: " + hidden);
    }

    @Test
    void theParameterBlockMapsTheFieldOfViewToTextureCoordinates() {
        EyeProfile eye = new LensProfiles().builtin("oculus-mobile-atw").eye(Eye.LEFT);
        FloatBuffer block = PerPixelLensData.analytic(eye, LensSource.CATMULL_ROM).toBytes().asFloatBuffer();
        double tx = 0.3;
        double ty = -0.2;
        assertEquals(eye.fov().toU(tx), tx * block.get(0) + block.get(1), 1e-6);
        assertEquals(eye.fov().toV(ty), ty * block.get(2) + block.get(3), 1e-6);
        int green = PerPixelLensData.HEADER_FLOATS + PerPixelLensData.CHANNEL_FLOATS;
        Vector2d centre = eye.model().lensCenter(Channel.GREEN, new Vector2d());
        assertEquals(centre.x, block.get(green), 1e-3);
        assertEquals(centre.y, block.get(green + 1), 1e-3);
    }
}
