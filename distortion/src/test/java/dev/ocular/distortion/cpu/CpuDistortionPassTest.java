package dev.ocular.distortion.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.mesh.DistortionMesh;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.mesh.MeshBuilder;
import dev.ocular.distortion.testing.TestLenses;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class CpuDistortionPassTest {

    private static RgbaImage noise(int w, int h, long seed) {
        RgbaImage image = new RgbaImage(w, h);
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = image.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return image;
    }

    /**
     * Smooth, different in each channel, so channel mix-ups and sub-pixel shifts show; fading to zero at the edges so
     * that the step to the black border does not turn sub-pixel shifts into large differences.
     */
    private static RgbaImage smooth(int w, int h) {
        RgbaImage image = new RgbaImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x + 0.5) / w;
                double v = (y + 0.5) / h;
                double window = Math.sin(Math.PI * u) * Math.sin(Math.PI * v);
                image.set(x, y, (float) (window * (0.5 + 0.5 * Math.sin(6 * u))),
                        (float) (window * (0.5 + 0.5 * Math.cos(5 * v))), (float) (window * u * v), 1f);
            }
        }
        return image;
    }

    @Test
    void withoutALensEachPanelPixelShowsItsOwnTexel() {
        LensProfile profile = TestLenses.identity(40, 30);
        RgbaImage left = noise(40, 30, 1);
        RgbaImage right = noise(40, 30, 2);
        RgbaImage panel = new CpuDistortionPass(profile).perPixel(left, right);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(left.get(x, y, c), panel.get(x, y, c), 1e-6, "left (" + x + ", " + y + ")");
                    assertEquals(right.get(x, y, c), panel.get(40 + x, y, c), 1e-6, "right (" + x + ", " + y + ")");
                }
                assertEquals(1f, panel.get(x, y, 3));
            }
        }
    }

    @Test
    void eachChannelIsSampledAtItsOwnPosition() {
        LensProfile profile = TestLenses.dk1Like(80, 100);
        RgbaImage left = smooth(90, 110);
        RgbaImage right = noise(90, 110, 3);
        RgbaImage panel = new CpuDistortionPass(profile).perPixel(left, right);
        EyeProfile eye = profile.eye(Eye.LEFT);
        PanelVisibility visible = profile.visibility(Eye.LEFT);
        Vector2d render = new Vector2d();
        int checked = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 80; x++) {
                if (!visible.isVisible(x, y)) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(0f, panel.get(x, y, c), "hidden pixel (" + x + ", " + y + ") is black");
                    }
                    assertEquals(1f, panel.get(x, y, 3));
                    continue;
                }
                for (Channel channel : Channel.values()) {
                    eye.model().panelToRender(channel, x + 0.5, y + 0.5, render);
                    double expected = left.sample(eye.fov().toU(render.x), eye.fov().toV(render.y),
                            channel.rgbaIndex());
                    assertEquals(expected, panel.get(x, y, channel.rgbaIndex()), 1e-6);
                }
                checked++;
            }
        }
        assertTrue(checked > 4000, "visible pixels checked: " + checked);
        // Red and blue really come from different places: with aberration 0.985 vs 1.015 their positions differ.
        eye.model().panelToRender(Channel.RED, 5.5, 50.5, render);
        double redU = eye.fov().toU(render.x);
        eye.model().panelToRender(Channel.BLUE, 5.5, 50.5, render);
        assertTrue(Math.abs(redU - eye.fov().toU(render.x)) * 90 > 0.5, "aberration shifts by over half a texel");
    }

    @Test
    void meshWayMatchesPerPixelWithinTheBudgetsEffect() {
        LensProfile profile = TestLenses.dk1Like(120, 150);
        Map<Eye, DistortionMesh> meshes = new EnumMap<>(Eye.class);
        for (Eye eye : Eye.values()) {
            meshes.put(eye, new MeshBuilder(MeshBudget.DEFAULT)
                    .build(profile.eye(eye), profile.visibility(eye)).mesh());
        }
        RgbaImage image = smooth(120, 150);
        CpuDistortionPass pass = new CpuDistortionPass(profile);
        RgbaImage exact = pass.perPixel(image, image);
        for (MeshInterpolation interpolation : MeshInterpolation.values()) {
            RgbaImage viaMesh = pass.viaMesh(meshes, interpolation, image, image);
            double worst = 0;
            float[] a = exact.data();
            float[] b = viaMesh.data();
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
            // The image changes by at most ~0.04 per texel here; a quarter-pixel error moves a sample by under a
            // texel, so the two ways agree to a few hundredths. A swapped channel or eye would differ by ~0.5.
            assertTrue(worst < 0.03, interpolation + ": worst difference " + worst);
            assertTrue(worst > 0.0, "the mesh is an approximation, not the per-pixel path again");
        }
    }
}
