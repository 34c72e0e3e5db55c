package dev.ocular.compositor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ocular.compositor.report.EyeQuality;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunReport;
import dev.ocular.compositor.report.TestRuns;
import dev.ocular.compositor.report.sweep.SweepKeys;
import dev.ocular.compositor.report.sweep.SweepPlan;
import dev.ocular.compositor.report.sweep.SweepPoint;
import dev.ocular.compositor.report.sweep.SweepRunner;
import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard (and the report pages) in headless Chromium: the page loads with its token, changing the left eye's
 * preset in the UI reaches the compositor control — here the {@link RecordingControl} TEST DOUBLE; the end-to-end run
 * against the real compositor is the frame loop's test — and the live chart updates with the new cost. A screenshot
 * is saved under target/. Needs /usr/bin/chromium and /usr/bin/chromedriver (installed in the sim); set
 * OCULAR_SKIP_BROWSER_TESTS=1 to skip explicitly where there is no browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("ocular.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("ocular.chromedriver", "/usr/bin/chromedriver"));
    private static final String TOKEN = "browser-test-token-0123456789";
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    private static final Path SCREENSHOT = TARGET.resolve("dashboard-browser-test.png");
    private static final Path BROWSER_LOG = TARGET.resolve("dashboard-browser-test-chromium.log");

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser(@TempDir Path profile) throws IOException {
        if ("1".equals(System.getenv("OCULAR_SKIP_BROWSER_TESTS"))) {
            Assumptions.abort("OCULAR_SKIP_BROWSER_TESTS=1");
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            fail("headless Chromium test needs " + CHROMIUM + " and " + DRIVER + " (run inside ./ocular sim, or set "
                    + "OCULAR_SKIP_BROWSER_TESTS=1)");
        }
        chromium = HeadlessChromium.start(CHROMIUM, DRIVER, profile, BROWSER_LOG);
        driver = chromium.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void changingTheLeftPresetInTheUiReachesTheCompositorAndTheChartFollows(@TempDir Path reports)
            throws IOException {
        consoleErrors();
        RecordingControl control = new RecordingControl();
        try (TuningService service = TuningService.start(control,
                ServiceConfig.of("127.0.0.1", 0, TOKEN, reports))) {
            driver.get("http://127.0.0.1:" + service.port() + "/?token=" + TOKEN);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(d -> updates(d) >= 2);
            assertEquals("quality", text("left-current-preset"));
            assertEquals("live", text("connection"));
            double before = lastLeftGpuMs(driver);
            assertTrue(before > 2, "quality renders 1/2.25 of the pixels: " + before);

            new Select(driver.findElement(By.id("left-preset"))).selectByValue("performance");
            driver.findElement(By.id("left-apply")).click();
            wait.until(d -> !control.callsStartingWith("changeEye").isEmpty());
            assertEquals(List.of("changeEye(left, EyeChange[preset=performance, method=null, sharpening=null])"),
                    control.callsStartingWith("changeEye"), "only the changed field is sent");
            wait.until(d -> text("left-current-preset").equals("performance"));
            long updatesAfterChange = updates(driver);
            wait.until(d -> updates(d) >= updatesAfterChange + 2 && lastLeftGpuMs(d) < before * 0.8);
            assertEquals("quality", text("right-current-preset"), "the right eye is untouched");
            assertTrue(text("message").contains("left eye: performance"), text("message"));

            driver.findElement(By.cssSelector(".eye[data-eye=left] [data-capture=output]")).click();
            wait.until(d -> String.valueOf(d.findElement(By.id("left-image")).getDomProperty("src"))
                    .startsWith("blob:"));
            wait.until(d -> control.callsStartingWith("capture").contains("capture(left, output)"));
            AtomicFile.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
            assertNoConsoleErrors();
            // Leave the page before the service stops, so its reconnecting stream does not log into the next test.
            driver.get("about:blank");
        }
    }

    /** The run report and the sweep comparison draw their charts offline, from the inlined library. */
    @Test
    void reportPagesDrawTheirChartsOffline(@TempDir Path out) throws IOException {
        consoleErrors();
        RunReport.of(TestRuns.log(600, 21), TestRuns.info(), new QualityResult("test",
                EyeQuality.of(31, 0.08), EyeQuality.of(29, 0.1))).writeTo(out.resolve("run"));
        driver.get(out.resolve("run").resolve(RunReport.REPORT_HTML).toUri().toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "4".equals(d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn")));
        AtomicFile.write(TARGET.resolve("report-browser-test.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertNoConsoleErrors();

        List<SweepPoint> points = SweepPlan.parse(List.of("preset=quality,performance", "method=vrnet,bicubic"),
                SweepKeys.from(RecordingControl.OPTIONS)).points();
        SweepRunner.run(points, out.resolve("sweep"), p -> new SweepRunner.SweepRun(
                TestRuns.log(30, p.index()), TestRuns.info(p.value("preset").orElseThrow(),
                        p.value("method").orElseThrow()),
                new QualityResult("test", EyeQuality.of(30 + p.index(), 0.1), EyeQuality.of(28 + p.index(), 0.1))),
                new PrintStream(OutputStream.nullOutputStream()));
        driver.get(out.resolve("sweep").resolve("comparison.html").toUri().toString());
        wait.until(d -> "2".equals(d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn")));
        AtomicFile.write(TARGET.resolve("comparison-browser-test.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertNoConsoleErrors();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static long updates(WebDriver d) {
        Object n = ((JavascriptExecutor) d).executeScript(
                "return window.ocularDashboard ? window.ocularDashboard.updates : 0;");
        return ((Number) n).longValue();
    }

    /** The newest point of the chart's "left GPU" series, read back from ECharts itself. */
    private static double lastLeftGpuMs(WebDriver d) {
        Object v = ((JavascriptExecutor) d).executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('frame-chart'));
                const data = chart.getOption().series[1].data;
                return data.length ? data[data.length - 1] : -1;""");
        return ((Number) v).doubleValue();
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), consoleErrors(), "browser console errors");
    }

    /** Console errors since the last call (reading the browser log empties it). */
    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }
}
