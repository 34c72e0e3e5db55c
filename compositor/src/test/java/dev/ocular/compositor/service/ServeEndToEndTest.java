package dev.ocular.compositor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.report.TuningOptions;
import dev.ocular.compositor.run.CompositorRunner;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.run.RunResult;
import dev.ocular.compositor.run.SinkKind;
import dev.ocular.compositor.serve.LiveCompositor;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.io.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard against the REAL compositor: the OpenXR frame loop on Monado's Simulated HMD, the tuning service in
 * front of it, headless Chromium driving the page. Changing the left eye's preset in the UI changes the running
 * compositor (its settings, its render size, a history reset in its frame log) and the live chart follows.
 */
@Tag("device")
class ServeEndToEndTest {
    private static final String TOKEN = "serve-e2e-token-0123456789";
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    @Test
    void leftPresetChangedInTheBrowserChangesTheRunningCompositor(@TempDir Path dir) throws Exception {
        RunConfig config = new RunConfig("corridor", 2, 0, 600, SinkKind.OPENXR, new EyeSettings(1.5, Method.BICUBIC, 0),
                new EyeSettings(1.5, Method.BICUBIC, 0), 128, 96, "live", "vive", dir.resolve("out"), List.of(), null, 0,
                1);
        CompositorRunner runner = new CompositorRunner(config, System.err).gpuOptions(GpuOptions.forTests());
        TuningOptions options = new TuningOptions(Arrays.stream(Preset.values()).map(Preset::cliName).toList(),
                List.of("bicubic", "lanczos", "bilinear"), List.of("vive"), 0, 1, List.of());
        LiveCompositor live = new LiveCompositor(config, runner.settings(), options);
        runner.listener(live::frameDone);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(runner::run);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!isRunning(live)) {
            assertTrue(System.nanoTime() < deadline && !run.isDone(), "the compositor produced no frame: " + run);
            Thread.sleep(200);
        }
        try (TuningService service = TuningService.start(live, ServiceConfig.of("127.0.0.1", 0, TOKEN,
                dir.resolve("profiles")));
                HeadlessChromium chromium = HeadlessChromium.start(Path.of("/usr/bin/chromium"),
                        Path.of("/usr/bin/chromedriver"), Files.createDirectory(dir.resolve("profile")),
                        TARGET.resolve("serve-e2e-chromium.log"))) {
            ChromeDriver driver = chromium.driver();
            driver.get("http://127.0.0.1:" + service.port() + "/?token=" + TOKEN);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(180)); // lavapipe under a busy suite
            wait.until(d -> updates(d) >= 2 && leftGpuPoints(d) > 0);
            assertEquals("quality", driver.findElement(By.id("left-current-preset")).getText());

            new Select(driver.findElement(By.id("left-preset"))).selectByValue("ultra-performance");
            driver.findElement(By.id("left-apply")).click();
            wait.until(d -> runner.settings().get().left().ratio() == 3.0);
            wait.until(d -> driver.findElement(By.id("left-current-preset")).getText().equals("ultra-performance"));
            long after = updates(driver);
            wait.until(d -> updates(d) >= after + 2);
            assertEquals(1.5, runner.settings().get().right().ratio(), "the right eye is untouched");
            AtomicFile.write(TARGET.resolve("serve-e2e-dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.get("about:blank");
        } finally {
            runner.stop();
        }
        RunResult result = run.get(120, TimeUnit.SECONDS);
        assertNull(result.runtimeLost());
        assertEquals(0, result.validationMessages());
        FrameLog log = result.log();
        int resets = 0;
        for (int row = 0; row < log.size(); row++) {
            resets += (log.flags(row) & FrameLog.FLAG_HISTORY_RESET) != 0 ? 1 : 0;
        }
        assertEquals(2, resets, "first frame and the preset change reset history");
        assertEquals(32, (int) result.info().left().renderHeight(), "ultra-performance renders 96/3 rows");
    }

    private static boolean isRunning(LiveCompositor live) {
        try {
            return live.state().counters().framesSubmitted() > 0;
        } catch (ControlConflictException notYet) {
            return false; // no frame finished yet: that is what we are waiting for
        }
    }

    private static long updates(WebDriver d) {
        Object n = ((JavascriptExecutor) d).executeScript(
                "return window.ocularDashboard ? window.ocularDashboard.updates : 0;");
        return ((Number) n).longValue();
    }

    private static long leftGpuPoints(WebDriver d) {
        Object n = ((JavascriptExecutor) d).executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('frame-chart'));
                return chart ? chart.getOption().series[1].data.length : 0;""");
        return ((Number) n).longValue();
    }
}
