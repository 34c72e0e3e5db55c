package dev.ocular.distortion.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.testing.TestLenses;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class HiddenAreaMaskTest {
    private static final int RENDER_W = 150;
    private static final int RENDER_H = 170;

    @Test
    void everyTexelTheDistortionPassReadsIsNeeded() {
        LensProfile profile = TestLenses.dk1Like(160, 200);
        for (Eye eye : Eye.values()) {
            EyeProfile ep = profile.eye(eye);
            PanelVisibility visible = profile.visibility(eye);
            HiddenAreaMask mask = HiddenAreaMask.compute(ep, RENDER_W, RENDER_H);
            Vector2d render = new Vector2d();
            for (int y = 0; y < visible.height(); y++) {
                for (int x = 0; x < visible.width(); x++) {
                    if (!visible.isVisible(x, y)) {
                        continue;
                    }
                    for (Channel channel : Channel.values()) {
                        ep.model().panelToRender(channel, x + 0.5, y + 0.5, render);
                        // Bilinear footprint of the sample, in texel indices.
                        double tx = ep.fov().toU(render.x) * RENDER_W - 0.5;
                        double ty = ep.fov().toV(render.y) * RENDER_H - 0.5;
                        int x0 = (int) Math.floor(tx);
                        int y0 = (int) Math.floor(ty);
                        for (int dy = 0; dy <= 1; dy++) {
                            for (int dx = 0; dx <= 1; dx++) {
                                int ix = x0 + dx;
                                int iy = y0 + dy;
                                if (ix >= 0 && iy >= 0 && ix < RENDER_W && iy < RENDER_H) {
                                    assertTrue(mask.isNeeded(ix, iy), eye + " pixel (" + x + ", " + y + ") "
                                            + channel + " reads texel (" + ix + ", " + iy + ")");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBandAlongTheNasalEdgeIsHiddenAndTheTrianglesCoverItExactly() {
        LensProfile profile = TestLenses.dk1Like(160, 200);
        HiddenAreaMask mask = HiddenAreaMask.compute(profile.eye(Eye.LEFT), RENDER_W, RENDER_H);
        double needed = mask.neededFraction();
        assertTrue(needed > 0.5 && needed < 0.999, "needed fraction " + needed);
        // The left lens sits towards the nose; render directions just inside the nasal edge come from panel positions
        // beyond the viewport's nasal edge (the lens magnifies the centre), so nothing shows them.
        assertTrue(!mask.isNeeded(RENDER_W - 1, RENDER_H / 2), "nasal edge of the render image is hidden");
        assertTrue(!mask.isNeeded(RENDER_W - 8, RENDER_H / 2), "the hidden band is several texels wide");
        assertTrue(mask.isNeeded(RENDER_W / 2, RENDER_H / 2));
        float[] triangles = mask.hiddenTriangles();
        double area = 0;
        for (int t = 0; t < triangles.length; t += 6) {
            area += 0.5 * Math.abs((triangles[t + 2] - triangles[t]) * (triangles[t + 5] - triangles[t + 1])
                    - (triangles[t + 4] - triangles[t]) * (triangles[t + 3] - triangles[t + 1]));
        }
        assertEquals(1.0 - needed, area, 1e-5);
        byte[] r8 = mask.toR8();
        int count = 0;
        for (byte b : r8) {
            count += b != 0 ? 1 : 0;
        }
        assertEquals(needed * RENDER_W * RENDER_H, count, 1e-6);
    }

    @Test
    void withoutDistortionNothingIsHidden() {
        LensProfile profile = TestLenses.identity(64, 48);
        HiddenAreaMask mask = HiddenAreaMask.compute(profile.eye(Eye.RIGHT), 64, 48);
        assertEquals(1.0, mask.neededFraction(), 0.0);
        assertEquals(0, mask.hiddenTriangles().length);
    }
}
