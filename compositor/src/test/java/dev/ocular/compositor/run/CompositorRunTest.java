package dev.ocular.compositor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.testing.DeviceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compositor against Monado's Simulated HMD (started around the suite by ./ocular test). */
@DeviceTest
class CompositorRunTest {
    @TempDir
    Path dir;

    private RunConfig config(Path out, int frames) {
        return new RunConfig("corridor", 3, frames, 0, SinkKind.OPENXR, new EyeSettings(2.0, Method.BICUBIC, 0),
                new EyeSettings(2.0, Method.BICUBIC, 0), 96, 80, "live", "vive", out, List.of(), null, 0, 1);
    }

    private static CompositorRunner runner(RunConfig config) {
        return new CompositorRunner(config, System.err).gpuOptions(dev.ocular.gpu.GpuOptions.forTests());
    }

    @Test
    void twoSessionsInOneProcessEachRunTheirFramesAndExitCleanly() throws Exception {
        for (int session = 0; session < 2; session++) {
            Path out = dir.resolve("s" + session);
            RunResult r = runner(config(out, 12)).run();
            assertEquals(0, r.validationMessages(), "validation messages in session " + session);
            assertEquals(12, r.framesSubmitted(), "session " + session);
            assertNull(r.runtimeLost());
            JsonNode json = new ObjectMapper().readTree(r.reportJson().toFile());
            assertEquals(12, json.get("frames_submitted").asInt());
            assertEquals("Monado: Simulated HMD", json.get("openxr_system").asText());
            assertEquals(48, json.get("eyes").get("left").get("render_width").asInt());
            for (String f : new String[] {"left_input.exr", "left_output.png", "right_output.exr", "panel.png"}) {
                assertTrue(Files.size(out.resolve(f)) > 0, f);
            }
        }
    }

    @Test
    void presetAndMethodSwitchedMidRunResetHistoryAndTakeEffect() throws Exception {
        CompositorRunner runner = runner(config(dir.resolve("switch"), 16));
        runner.onFrame(frame -> {
            if (frame == 6) {
                runner.settings().setEye(0, new EyeSettings(1.5, Method.LANCZOS, 0));
            }
            if (frame == 10) {
                runner.settings().setEye(1, new EyeSettings(3.0, Method.BILINEAR, 0));
            }
        });
        RunResult r = runner.run();
        assertEquals(0, r.validationMessages());
        FrameLog log = r.log();
        assertEquals(16, log.size());
        // Frame 0 (first frame), 6 (left changed) and 10 (right changed) reset history; no others.
        for (int row = 0; row < log.size(); row++) {
            boolean reset = (log.flags(row) & FrameLog.FLAG_HISTORY_RESET) != 0;
            assertEquals(row == 0 || row == 6 || row == 10, reset, "history reset flag at frame " + row);
        }
        int lanczos = log.stages().indexOf("lanczos");
        int bilinear = log.stages().indexOf("bilinear");
        int bicubic = log.stages().indexOf("bicubic");
        assertTrue(Float.isNaN(log.gpuMicros(5, 0, lanczos)) && !Float.isNaN(log.gpuMicros(5, 0, bicubic)));
        assertTrue(!Float.isNaN(log.gpuMicros(6, 0, lanczos)) && Float.isNaN(log.gpuMicros(6, 0, bicubic)));
        assertTrue(!Float.isNaN(log.gpuMicros(12, 1, bilinear)));
        JsonNode json = new ObjectMapper().readTree(r.reportJson().toFile());
        assertEquals("quality", json.get("eyes").get("left").get("preset").asText());
        assertEquals("lanczos", json.get("eyes").get("left").get("method").asText());
        assertEquals(64, json.get("eyes").get("left").get("render_width").asInt());
        assertEquals("ultra-performance", json.get("eyes").get("right").get("preset").asText());
    }

    @Test
    void vrnetRunsInTheFrameLoopAndItsStagesAreTimedPerEye() throws Exception {
        // Random weights, labelled as such: this checks the plumbing, not the quality (the model card does that).
        // Two members, as the shipped product runs: each member's chain, then the mean of their outputs.
        List<Path> weights = List.of(dir.resolve("random-1.safetensors"), dir.resolve("random-2.safetensors"));
        for (int i = 0; i < weights.size(); i++) {
            dev.ocular.vrnet.model.NetModel.random(dev.ocular.vrnet.model.NetSpec.shipped(), 7 + i)
                    .save(weights.get(i), dev.ocular.vrnet.model.Tensor.DType.F32);
        }
        RunConfig base = config(dir.resolve("vrnet"), 10);
        RunConfig config = new RunConfig(base.scene(), base.seed(), base.frames(), 0, base.sink(),
                new EyeSettings(2.0, Method.VRNET, 0), new EyeSettings(1.5, Method.BICUBIC, 0), base.width(),
                base.height(), base.motion(), base.lensProfile(), base.out(), weights, "scalar", 2, 1);
        CompositorRunner runner = runner(config);
        runner.onFrame(frame -> {
            if (frame == 5) {
                runner.settings().setEye(1, new EyeSettings(2.0, Method.VRNET, 0));
            }
        });
        RunResult r = runner.run();
        assertEquals(0, r.validationMessages());
        FrameLog log = r.log();
        int conv1 = log.stages().indexOf("vrnet.conv1");
        int fuse = log.stages().indexOf("vrnet.fuse");
        assertTrue(conv1 >= 0 && fuse >= 0, "vr-net stages missing from " + log.stages());
        assertTrue(log.gpuMicros(2, 0, conv1) > 0 && Float.isNaN(log.gpuMicros(2, 1, conv1)));
        assertTrue(log.gpuMicros(7, 0, fuse) > 0 && log.gpuMicros(7, 1, fuse) > 0, "both eyes batched after the switch");
        int mean = log.stages().indexOf("vrnet." + dev.ocular.vrnet.gpu.GpuEnsemble.MEAN_STAGE);
        assertTrue(mean >= 0 && log.gpuMicros(7, 0, mean) > 0 && log.gpuMicros(7, 1, mean) > 0, "mean stage timed");
        JsonNode json = new ObjectMapper().readTree(r.reportJson().toFile());
        assertEquals("vrnet", json.get("eyes").get("right").get("method").asText());
        // Every run leaves the four profiling exports; this one also measured quality against a 2×2 reference.
        for (String f : new String[] {"summary.json", "frames.csv", "trace.json", "report.html", "left_reference.png"}) {
            assertTrue(Files.size(base.out().resolve(f)) > 0, f);
        }
        assertNotNull(r.quality());
        assertTrue(Double.isFinite(r.quality().left().psnrDb()) && r.quality().left().flipMean() > 0);
    }

    @Test
    void swapchainContentMatchesThePipelineOutputOfTheSameFrame() {
        AtomicReference<FrameCapture> captured = new AtomicReference<>();
        RunResult r = runner(config(dir.resolve("capture"), 8)).captureAt(5, captured::set).run();
        assertEquals(0, r.validationMessages());
        FrameCapture c = captured.get();
        assertNotNull(c, "frame 5 was not captured");
        if (c.swapchainFormat() == VK_FORMAT_R16G16B16A16_SFLOAT) {
            // Monado prefers RGBA16F: the blit copies the output's half floats unchanged.
            for (int eye = 0; eye < 2; eye++) {
                java.nio.ByteBuffer got = java.nio.ByteBuffer.wrap(c.swapchainBytes()[eye])
                        .order(java.nio.ByteOrder.nativeOrder());
                float[] out = c.outputs()[eye].data();
                for (int i = 0; i < out.length; i++) {
                    float v = Float.float16ToFloat(got.getShort(2 * i));
                    assertEquals(out[i], v, 0f, "eye " + eye + " value " + i);
                }
            }
            return;
        }
        boolean bgra = c.swapchainFormat() == VK_FORMAT_B8G8R8A8_SRGB || c.swapchainFormat() == VK_FORMAT_B8G8R8A8_UNORM;
        boolean srgb = c.swapchainFormat() == VK_FORMAT_B8G8R8A8_SRGB || c.swapchainFormat() == VK_FORMAT_R8G8B8A8_SRGB;
        assertTrue(srgb || c.swapchainFormat() == VK_FORMAT_R8G8B8A8_UNORM
                || c.swapchainFormat() == VK_FORMAT_B8G8R8A8_UNORM, "unexpected format " + c.swapchainFormat());
        for (int eye = 0; eye < 2; eye++) {
            float[] out = c.outputs()[eye].data();
            byte[] got = c.swapchainBytes()[eye];
            int worst = 0;
            for (int p = 0; p < c.width() * c.height(); p++) {
                for (int ch = 0; ch < 3; ch++) {
                    float linear = Math.min(1f, Math.max(0f, out[4 * p + ch]));
                    int expected = Math.round(255f * (srgb ? SrgbEncode.encode(linear) : linear));
                    int actual = got[4 * p + (bgra ? 2 - ch : ch)] & 0xff;
                    worst = Math.max(worst, Math.abs(expected - actual));
                }
            }
            // The blit converts RGBA16F to the swapchain format; drivers may round differently by one step.
            assertTrue(worst <= 1, "eye " + eye + ": swapchain differs from the pipeline output by " + worst + "/255");
        }
    }
}
