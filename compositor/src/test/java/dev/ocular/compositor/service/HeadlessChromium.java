package dev.ocular.compositor.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium driven by Selenium through chromedriver, for the browser tests.
 *
 * <p>The test starts Chromium itself, with its DevTools endpoint on 127.0.0.1, and attaches chromedriver by address
 * ({@code debuggerAddress}). When chromedriver launches the browser it connects to {@code ws://localhost:PORT}, which
 * needs "localhost" in /etc/hosts; the sim's chroot has no /etc/hosts, so that fails with "unable to connect to
 * renderer". Attaching by IP works with or without it. Selenium Manager is never consulted: the driver and the
 * browser are given by path (the machines are offline).
 */
final class HeadlessChromium implements AutoCloseable {
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process browser;
    private final ChromeDriver driver;

    private HeadlessChromium(Process browser, ChromeDriver driver) {
        this.browser = browser;
        this.driver = driver;
    }

    /**
     * @param profile a fresh, empty directory for the browser profile
     * @param log where the browser's own output goes (it is chatty about D-Bus in the sim)
     */
    static HeadlessChromium start(Path binary, Path chromedriver, Path profile, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--window-size=1280,1500", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"));
        Files.createDirectories(log.getParent());
        Process browser = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = devToolsPort(browser, profile.resolve("DevToolsActivePort"), log);
            ChromeOptions options = new ChromeOptions();
            options.setExperimentalOption("debuggerAddress", "127.0.0.1:" + port);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            return new HeadlessChromium(browser, new ChromeDriver(service, options));
        } catch (IOException | RuntimeException e) {
            stop(browser);
            throw e;
        }
    }

    /** Chromium writes its DevTools port into the profile once it listens (what chromedriver itself waits for). */
    private static int devToolsPort(Process browser, Path portFile, Path log) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!browser.isAlive()) {
                throw new IOException("chromium exited with " + browser.exitValue() + "; see " + log);
            }
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).matches("\\d+")) {
                    return Integer.parseInt(lines.get(0));
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for chromium", e);
            }
        }
        throw new IOException("chromium did not open its DevTools port within " + STARTUP + "; see " + log);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            stop(browser);
        }
    }

    /** Ends the browser this class started and its helper processes (renderer, zygote, GPU), by handle. */
    private static void stop(Process browser) {
        List<ProcessHandle> children = browser.descendants().toList();
        browser.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            browser.destroyForcibly();
        }
    }
}
