package dev.ocular.scenes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in scene renders on the device, validation clean, with plausible G-buffer contents. */
@DeviceTest
class SceneRenderTest {
    static Stream<String> scenes() {
        return SceneCatalog.builtIn().scenes().stream().map(SceneDefinition::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void rendersBothEyesWithPlausibleGBuffers(String name, GpuContext gpu) {
        SceneDefinition definition = SceneCatalog.builtIn().scene(name);
        Scene scene = definition.build(0);
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(scene.defaultMotion(), 0),
                scene.viewpoint(), ScriptedViews.DEFAULT_FPS);
        StereoFrame frame = views.frame(5);
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene)) {
            StereoGBuffers out = renderer.render(frame, RenderSettings.stereo(64, 48, 2.0));
            assertEquals(renderer.multiviewAvailable(), out.multiview(), "multiview should be used when available");
            for (Eye eye : Eye.values()) {
                GBufferData g = GBufferReadback.read(gpu, out.eye(eye));
                String where = name + " " + eye.id();
                assertEquals(64, g.width(), where);
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                int geometry = 0;
                for (int i = 0; i < 64 * 48; i++) {
                    for (int c = 0; c < 4; c++) {
                        float v = g.colour().data()[4 * i + c];
                        assertTrue(Float.isFinite(v) && v >= 0, where + ": colour " + v + " at " + i);
                    }
                    assertEquals(1f, g.colour().data()[4 * i + 3], 0f, where + ": coverage alpha");
                    double luma = g.colour().data()[4 * i] + g.colour().data()[4 * i + 1];
                    min = Math.min(min, luma);
                    max = Math.max(max, luma);
                    float d = g.depth().data()[i];
                    assertTrue(d >= 0 && d <= 1, where + ": depth " + d);
                    if (d > 0) {
                        geometry++;
                    }
                    assertTrue(Float.isFinite(g.motion().data()[2 * i]), where + ": motion");
                }
                assertTrue(max - min > 0.05, where + ": image is flat (" + min + ".." + max + ")");
                assertTrue(geometry > 64 * 48 / 20, where + ": only " + geometry + " pixels hit geometry");
                assertEquals(out.eye(eye).jitterX(), g.jitterX());
            }
            assertTrue(out.passes().stream().allMatch(p -> p.gpuNanos() > 0), "GPU pass times " + out.passes());
        }
    }
}
