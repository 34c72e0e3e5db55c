package dev.ocular.compositor.report;

import java.nio.file.Path;
import java.util.List;

/** Where a run's four exports were written. */
public record ReportFiles(Path summaryJson, Path framesCsv, Path traceJson, Path reportHtml) {
    public List<Path> all() {
        return List.of(summaryJson, framesCsv, traceJson, reportHtml);
    }
}
