package dev.ocular.compositor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.testing.DeviceTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel and headless sinks: what they write per frame, with validation on. */
@DeviceTest
class OfflineSinkTest {
    @TempDir
    Path dir;

    private RunResult run(SinkKind sink, int frames, int every, Method method) {
        // The left eye is sharpened, the right is not: the log shows the stage on one eye only.
        RunConfig config = new RunConfig("thin-wires", 4, frames, 0, sink, new EyeSettings(2.0, method, 0.5f),
                new EyeSettings(1.5, Method.TAAU, 0), 80, 64, "slow-pan", "rift-cv1", dir.resolve(sink.cliName()),
                List.of(), null, 0, every);
        return new CompositorRunner(config, System.err).gpuOptions(GpuOptions.forTests()).run();
    }

    private static long pngs(Path frames, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(frames)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".png")).count();
        }
    }

    @Test
    void headlessWritesEveryFrameOfBothEyes() throws Exception {
        RunResult r = run(SinkKind.HEADLESS, 5, 1, Method.SPATIAL);
        assertEquals(0, r.validationMessages());
        Path frames = dir.resolve("headless/frames");
        assertEquals(5, pngs(frames, "left_"));
        assertEquals(5, pngs(frames, "right_"));
        BufferedImage first = ImageIO.read(frames.resolve("left_000000.png").toFile());
        assertEquals(80, first.getWidth());
        assertEquals(64, first.getHeight());
        try (Stream<Path> files = Files.list(frames)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
        JsonNode json = new ObjectMapper().readTree(r.reportJson().toFile());
        assertEquals(5, json.get("sink_output").get("png_frames").get("left").asInt());
        FrameLog log = r.log();
        assertTrue(log.gpuMicros(3, 0, log.stages().indexOf("spatial.upsample")) > 0);
        assertTrue(log.gpuMicros(3, 1, log.stages().indexOf("taau")) > 0);
        int sharpen = log.stages().indexOf("sharpen");
        assertTrue(log.gpuMicros(3, 0, sharpen) > 0 && Float.isNaN(log.gpuMicros(3, 1, sharpen)));
    }

    @Test
    void panelDistortsBothEyesIntoTheProfilesPanel() throws Exception {
        RunResult r = run(SinkKind.PANEL, 4, 2, Method.BICUBIC);
        assertEquals(0, r.validationMessages());
        Path frames = dir.resolve("panel/frames");
        assertEquals(2, pngs(frames, "panel_"), "every second frame");
        BufferedImage panel = ImageIO.read(frames.resolve("panel_000002.png").toFile());
        assertEquals(2160, panel.getWidth(), "rift-cv1 panel width");
        assertEquals(1200, panel.getHeight());
        // Corners are outside both lenses' visible areas (hidden pixels are black); the centre of each half is lit.
        assertEquals(0, panel.getRGB(0, 0) & 0xffffff);
        assertTrue((panel.getRGB(540, 600) & 0xffffff) != 0 && (panel.getRGB(1620, 600) & 0xffffff) != 0);
        FrameLog log = r.log();
        assertTrue(log.gpuMicros(1, 0, log.stages().indexOf("distortion")) > 0);
    }
}
