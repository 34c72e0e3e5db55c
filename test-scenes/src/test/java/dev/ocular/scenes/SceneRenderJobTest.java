package dev.ocular.scenes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.io.ExrFiles;
import dev.ocular.scenes.patterns.FrameBarcode;
import dev.ocular.scenes.patterns.TestPattern;
import dev.ocular.scenes.rig.Eye;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DeviceTest
class SceneRenderJobTest {
    @TempDir
    Path dir;

    private final SceneRenderJob job = new SceneRenderJob(SceneCatalog.builtIn());

    private static List<String> listing(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void renderingTwiceGivesIdenticalFiles(GpuContext gpu) throws Exception {
        RenderRequest request = RenderRequest.of("fast-motion", 40, 36, 12, dir.resolve("a")).withScale(2)
                .withReference(2);
        SceneRenderJob.Result first = job.run(gpu, request);
        job.run(gpu, new RenderRequest(request.scene(), request.eyes(), 40, 36, 12, 2, 2, dir.resolve("b"),
                Optional.empty(), 0, request.fps()));
        List<String> names = listing(dir.resolve("a"));
        assertEquals(names, listing(dir.resolve("b")));
        assertEquals(first.files().size(), names.size());
        assertEquals(1 + 2 * (3 * 2 + 2), names.size(), "json + per eye 3 EXRs, reference EXR and 4 previews");
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(n)), Files.readAllBytes(
                    dir.resolve("b").resolve(n)), n + " differs between runs");
        }
        Map<String, ImageData> colour = ExrFiles.read(dir.resolve("a/fast-motion_f000012_left_colour.exr"));
        assertEquals(20, colour.get("R").width(), "scale 2 renders 40x36 at 20x18");
        Map<String, ImageData> reference = ExrFiles.read(dir.resolve("a/fast-motion_f000012_left_reference.exr"));
        assertEquals(40, reference.get("R").width(), "the reference is at display size");
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("a/fast-motion_f000012.json").toFile());
        assertEquals(32, meta.get("jitterPhases").asInt());
        assertEquals(-1.0, meta.get("lodBias").asDouble(), 1e-6);
        assertEquals("fast-motion_f000012_right_motion.exr",
                meta.get("eyes").get("right").get("files").get("motion").asText());
    }

    @Test
    void badInputFailsWithOneLineAndLeavesNothing(GpuContext gpu) throws Exception {
        Path out = dir.resolve("out");
        Path garbage = dir.resolve("broken.glb");
        Files.writeString(garbage, "glTF but not really");
        List<Runnable> bad = List.of(
                () -> job.run(gpu, RenderRequest.of("nope", 8, 8, 0, out)),
                () -> job.run(gpu, RenderRequest.of(garbage.toString(), 8, 8, 0, out)),
                () -> job.run(gpu, RenderRequest.of(dir.resolve("absent.gltf").toString(), 8, 8, 0, out)),
                () -> RenderRequest.of("corridor", 0, 8, 0, out),
                () -> RenderRequest.parseSize("12by4"),
                () -> RenderRequest.parseSize("99999x4"),
                () -> RenderRequest.parseEyes("middle"),
                () -> RenderRequest.of("corridor", 8, 8, 0, out).withScale(0.5));
        String[] mentions = {"nope", "broken.glb", "absent.gltf", "0x8", "12by4", "99999x4", "middle", "0.5"};
        for (int i = 0; i < bad.size(); i++) {
            SceneInputException e = assertThrows(SceneInputException.class, bad.get(i)::run);
            assertTrue(e.getMessage().contains(mentions[i]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(!Files.exists(out) || listing(out).isEmpty(), "partial output left: "
                + (Files.exists(out) ? listing(out) : List.of()));
    }

    @Test
    void patternsRenderWithoutTheDeviceAndCarryTheFrame() throws Exception {
        RenderRequest request = RenderRequest.of("frame-barcode", 128, 64, 4321, dir).withEyes(EnumSet.of(Eye.RIGHT));
        assertFalse(job.needsGpu(request));
        job.runPattern(request);
        assertEquals(List.of("frame-barcode_f004321.json", "frame-barcode_f004321_right_colour.exr",
                "frame-barcode_f004321_right_colour.preview.png"), listing(dir));
        Map<String, ImageData> exr = ExrFiles.read(dir.resolve("frame-barcode_f004321_right_colour.exr"));
        ImageData rgb = interleave(exr.get("R"), exr.get("G"), exr.get("B"));
        double[] s = TestPattern.BARCODE_STRIP;
        assertEquals(Optional.of(new FrameBarcode.Reading(4321, Eye.RIGHT)),
                FrameBarcode.decode(rgb, s[0], s[1], s[2], s[3]));
    }

    @Test
    void userGltfRendersThroughTheJob(GpuContext gpu) throws Exception {
        Path glb = dev.ocular.scenes.io.GltfTestFiles.glb(dir);
        job.run(gpu, RenderRequest.of(glb.toString(), 24, 20, 0, dir.resolve("g")).withEyes(EnumSet.of(Eye.LEFT)));
        assertTrue(listing(dir.resolve("g")).contains("gltf-quad_f000000_left_colour.exr"));
    }

    private static ImageData interleave(ImageData r, ImageData g, ImageData b) {
        ImageData out = ImageData.zeros(r.width(), r.height(), 3);
        for (int i = 0; i < r.width() * r.height(); i++) {
            out.data()[3 * i] = r.data()[i];
            out.data()[3 * i + 1] = g.data()[i];
            out.data()[3 * i + 2] = b.data()[i];
        }
        return out;
    }
}
