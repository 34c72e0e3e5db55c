package dev.ocular.compositor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.GBufferReadback;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.train.TrainSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset rendering: crops are true windows of the eye, renders are deterministic, damage is reported. */
@DeviceTest
class DatasetBuilderTest {
    private static final DatasetPlan TINY = new DatasetPlan(96, 104, 24, 4, 2, List.of("moire-textures"),
            List.of(HeadMotion.TELEPORT, HeadMotion.FAST_YAW), 1, List.of(2.0, 1.5), 1, 3);

    @Test
    void aCropIsTheMatchingWindowOfTheWholeEye(GpuContext gpu) {
        Scene scene = SceneCatalog.builtIn().build("thin-wires", 0);
        StereoRig full = StereoRig.questLike();
        EyeCrop whole = EyeCrop.whole(96, 104);
        EyeCrop crop = new EyeCrop(24, 16, 48, 32, 96, 104);
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene)) {
            GBufferData big = render(gpu, renderer, scene, full, whole, 48, 52);
            GBufferData small = render(gpu, renderer, scene, full, crop, 24, 16);
            double diff = 0;
            int close = 0;
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 24; x++) {
                    float a = big.colour().get(x + 12, y + 8, 1);
                    float b = small.colour().get(x, y, 1);
                    diff += Math.abs(a - b);
                    close += Math.abs(a - b) < 1e-3 ? 1 : 0;
                    assertEquals(big.motion().get(x + 12, y + 8, 0), small.motion().get(x, y, 0), 0.05,
                            "motion x at " + x + "," + y);
                }
            }
            assertTrue(close > 0.95 * 24 * 16, close + " of " + 24 * 16 + " pixels equal, mean diff " + diff / 384);
        }
    }

    private static GBufferData render(GpuContext gpu, SceneRenderer renderer, Scene scene, StereoRig full,
            EyeCrop c, int w, int h) {
        StereoRig rig = new StereoRig(full.ipd(), c.fov(full.leftFov()), c.fov(full.rightFov()));
        ScriptedViews views = new ScriptedViews(rig, new HeadPath(HeadMotion.SLOW_PAN, 0), scene.viewpoint(), 90);
        RenderSettings settings = new RenderSettings(EnumSet.of(Eye.LEFT), w, h, w, h, 2.0, true, false);
        return GBufferReadback.read(gpu, renderer.render(views.frame(40), settings).eye(Eye.LEFT));
    }

    @Test
    void renderingIsDeterministicAndResumable(GpuContext gpu, @TempDir Path dir) throws Exception {
        DatasetBuilder builder = new DatasetBuilder(gpu, SceneCatalog.builtIn());
        Dataset a = builder.build(TINY, dir.resolve("a"), i -> { });
        // Two training shots and one validation shot, two eyes each.
        assertEquals(6, a.manifest().shards().size());
        assertEquals(4, a.split(Shot.TRAIN).size());
        assertEquals(2, a.split(Shot.VALIDATION).size());
        TrainSequence s = a.split(Shot.TRAIN).sequence(0);
        assertEquals(4, s.frames().size());
        assertTrue(s.frames().get(0).params().reset(), "first frame resets");
        assertEquals(24, s.frames().get(0).params().outWidth());

        Path b = dir.resolve("b");
        Files.createDirectories(b);
        Dataset again = builder.build(TINY, b, i -> { });
        assertEquals(a.manifest().shards(), again.manifest().shards(), "same plan, same bytes");

        // Resume: a deleted shard is rendered again, the others are reused.
        Files.delete(b.resolve(a.manifest().shards().get(1).file()));
        assertEquals(a.manifest().shards(), builder.build(TINY, b, i -> { }).manifest().shards());

        DatasetPlan other = new DatasetPlan(96, 104, 24, 5, 2, List.of("moire-textures"),
                List.of(HeadMotion.TELEPORT), 1, List.of(2.0), 0, 3);
        BadInputException mixed = assertThrows(BadInputException.class, () -> builder.build(other, b, i -> { }));
        assertTrue(mixed.getMessage().contains("another plan"), mixed.getMessage());
    }

    @Test
    void damagedOrMissingShardsAreOneLineErrors(GpuContext gpu, @TempDir Path dir) throws Exception {
        Dataset d = new DatasetBuilder(gpu, SceneCatalog.builtIn()).build(TINY, dir, i -> { });
        Dataset.Entry e = d.manifest().shards().get(0);
        Path file = dir.resolve(e.file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 7] ^= 0x40;
        Files.write(file, bytes);
        BadInputException corrupt = assertThrows(BadInputException.class, () -> d.read(e));
        assertTrue(corrupt.getMessage().contains("corrupt") && !corrupt.getMessage().contains("\n"),
                corrupt.getMessage());
        Files.delete(file);
        assertTrue(assertThrows(BadInputException.class, () -> d.read(e)).getMessage().contains("missing"));
        Files.delete(dir.resolve(Dataset.MANIFEST));
        assertThrows(BadInputException.class, () -> Dataset.open(dir));
    }
}
