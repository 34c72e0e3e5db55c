package dev.ocular.compositor.service;

import dev.ocular.compositor.report.ReportFiles;
import dev.ocular.compositor.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service's profiling window: start, stop (which writes the window's four exports into a fresh subdirectory of
 * the report directory) and the latest report for download. Start and stop are serialised so two clients cannot
 * open two windows or stop one twice.
 */
final class ProfileWindow {
    private final CompositorControl control;
    private final Path reportDir;
    private boolean open;
    private RunReport latestReport;
    private ReportFiles latestFiles;

    ProfileWindow(CompositorControl control, Path reportDir) {
        this.control = control;
        this.reportDir = reportDir;
    }

    synchronized void start() {
        if (open) {
            throw new ApiException(409, "a profiling window is already open; stop it first");
        }
        control.startProfiling();
        open = true;
    }

    /** Stops the window and writes its report; the window is closed even when writing fails. */
    synchronized RunReport stop() throws IOException {
        if (!open) {
            throw new ApiException(409, "no profiling window is open; start one first");
        }
        ProfileCapture capture;
        try {
            capture = control.stopProfiling();
        } finally {
            open = false;
        }
        if (capture.log().size() == 0) {
            throw new ApiException(409, "the profiling window recorded no frames (is the session rendering?)");
        }
        RunReport report = RunReport.of(capture.log(), capture.info(), capture.quality());
        latestFiles = report.writeTo(nextDirectory());
        latestReport = report;
        return report;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized Optional<ReportFiles> latestFiles() {
        return Optional.ofNullable(latestFiles);
    }

    synchronized Optional<RunReport> latestReport() {
        return Optional.ofNullable(latestReport);
    }

    /** profile-001, profile-002…: the first name not already used, so reports from earlier sessions survive. */
    private Path nextDirectory() throws IOException {
        Files.createDirectories(reportDir);
        for (int i = 1; ; i++) {
            Path dir = reportDir.resolve(String.format("profile-%03d", i));
            if (!Files.exists(dir)) {
                return dir;
            }
        }
    }
}
