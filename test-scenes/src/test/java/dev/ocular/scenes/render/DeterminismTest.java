package dev.ocular.scenes.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HaltonJitter;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

@DeviceTest
class DeterminismTest {
    private static StereoFrame frame(Scene scene, long n) {
        return new ScriptedViews(StereoRig.questLike(), new HeadPath(HeadMotion.FAST_YAW, 3), scene.viewpoint(), 90)
                .frame(n);
    }

    private static void assertSame(GBufferData a, GBufferData b, String where) {
        assertArrayEquals(a.colour().data(), b.colour().data(), where + ": colour");
        assertArrayEquals(a.depth().data(), b.depth().data(), where + ": depth");
        assertArrayEquals(a.motion().data(), b.motion().data(), where + ": motion");
        assertEquals(a.jitterX(), b.jitterX(), where + ": jitter x");
        assertEquals(a.jitterY(), b.jitterY(), where + ": jitter y");
    }

    @Test
    void sameInputsGiveBitIdenticalOutputsAcrossRenderers(GpuContext gpu) {
        SceneCatalog catalog = SceneCatalog.builtIn();
        RenderSettings settings = RenderSettings.stereo(56, 40, 2.0);
        GBufferData[] first = new GBufferData[2];
        // Each renderer gets its own freshly built scene: building must be deterministic too.
        try (SceneRenderer a = SceneRenderer.create(gpu, catalog.build("particles", 4))) {
            StereoGBuffers out = a.render(frame(a.scene(), 9), settings);
            for (Eye eye : Eye.values()) {
                first[eye.index()] = GBufferReadback.read(gpu, out.eye(eye));
            }
            a.render(frame(a.scene(), 10), settings);
            StereoGBuffers again = a.render(frame(a.scene(), 9), settings);
            assertSame(first[0], GBufferReadback.read(gpu, again.eye(Eye.LEFT)), "same renderer, re-rendered");
        }
        try (SceneRenderer b = SceneRenderer.create(gpu, catalog.build("particles", 4))) {
            StereoGBuffers out = b.render(frame(b.scene(), 9), settings);
            for (Eye eye : Eye.values()) {
                assertSame(first[eye.index()], GBufferReadback.read(gpu, out.eye(eye)), "second renderer " + eye);
            }
        }
        try (SceneRenderer c = SceneRenderer.create(gpu, catalog.build("particles", 5))) {
            GBufferData other = GBufferReadback.read(gpu, c.render(frame(c.scene(), 9), settings).eye(Eye.LEFT));
            assertFalse(java.util.Arrays.equals(first[0].colour().data(), other.colour().data()),
                    "a different seed must change the particles");
        }
    }

    @Test
    void multiviewAndPerEyePassesAgree(GpuContext gpu) {
        assumeTrue(gpu.capabilities().multiview(), "device lacks multiview");
        try (SceneRenderer r = SceneRenderer.create(gpu, SceneCatalog.builtIn().build("fast-motion", 0))) {
            RenderSettings settings = RenderSettings.stereo(48, 52, 1.5);
            StereoFrame f = frame(r.scene(), 3);
            StereoGBuffers together = r.render(f, settings);
            assertTrue(together.multiview());
            assertEquals(1, together.passes().size());
            GBufferData[] mv = {GBufferReadback.read(gpu, together.eye(Eye.LEFT)),
                GBufferReadback.read(gpu, together.eye(Eye.RIGHT))};
            StereoGBuffers apart = r.render(f, settings.withMultiview(false));
            assertFalse(apart.multiview());
            assertEquals(2, apart.passes().size());
            for (Eye eye : Eye.values()) {
                assertSame(mv[eye.index()], GBufferReadback.read(gpu, apart.eye(eye)), "multiview vs per-eye " + eye);
            }
            assertNotEquals(java.util.Arrays.hashCode(mv[0].colour().data()),
                    java.util.Arrays.hashCode(mv[1].colour().data()), "the eyes must see different images");
        }
    }

    @Test
    void eyesOfDifferentSizesRenderInSeparatePasses(GpuContext gpu) {
        try (SceneRenderer r = SceneRenderer.create(gpu, SceneCatalog.builtIn().build("corridor", 0))) {
            RenderSettings settings = new RenderSettings(EnumSet.allOf(Eye.class), 40, 30, 33, 47, 2, true, true);
            StereoGBuffers out = r.render(frame(r.scene(), 1), settings);
            assertFalse(out.multiview());
            assertEquals(40, out.eye(Eye.LEFT).width());
            assertEquals(47, out.eye(Eye.RIGHT).height());
            GBufferData right = GBufferReadback.read(gpu, out.eye(Eye.RIGHT));
            HaltonJitter jitter = HaltonJitter.forRatio(2);
            assertEquals(jitter.x(1), right.jitterX());
            assertEquals(jitter.y(1), right.jitterY());
        }
    }

    @Test
    void negativeLodBiasKeepsMoreTextureDetail(GpuContext gpu) {
        try (SceneRenderer r = SceneRenderer.create(gpu, SceneCatalog.builtIn().build("moire-textures", 0))) {
            StereoFrame f = frame(r.scene(), 0);
            RenderSettings base = new RenderSettings(EnumSet.of(Eye.LEFT), 64, 64, 64, 64, 1, false, false);
            RenderSettings biased = new RenderSettings(EnumSet.of(Eye.LEFT), 64, 64, 64, 64, 3, false, false);
            double plain = contrast(GBufferReadback.read(gpu, r.render(f, base).eye(Eye.LEFT)));
            double sharp = contrast(GBufferReadback.read(gpu, r.render(f, biased).eye(Eye.LEFT)));
            assertEquals(-Math.log(3) / Math.log(2), biased.lodBias(), 1e-6);
            assertTrue(sharp > plain * 1.05, "LOD bias −log2 3 should add detail: " + sharp + " vs " + plain);
        }
    }

    /** Mean absolute difference between horizontal neighbours (texture detail). */
    private static double contrast(GBufferData g) {
        double sum = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 1; x < g.width(); x++) {
                sum += Math.abs(g.colour().get(x, y, 1) - g.colour().get(x - 1, y, 1));
            }
        }
        return sum / (g.height() * (g.width() - 1));
    }
}
