package dev.ocular.compositor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.gpu.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 600-frame run's four exports: summary against its schema, the HTML page's self-containment, atomic writes. */
class RunReportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, rgb * (x + y + 1));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static QualityResult quality() throws IOException {
        return new QualityResult("PSNR on sRGB RGB; FLIP LDR at 21 ppd; 8 warm-up frames skipped",
                new EyeQuality(31.5, 33.0, 0.93, 0.081, Map.of("psnr_centre_db", 33.2), png(0x100804)),
                new EyeQuality(28.25, 30.0, 0.89, 0.112, Map.of(), png(0x040810)));
    }

    @Test
    void writesAllFourExportsAndTheSummaryMatchesItsSchema() throws IOException {
        FrameLog log = TestRuns.log(600, 1);
        ReportFiles files = RunReport.of(log, TestRuns.info(), quality()).writeTo(dir);
        for (Path p : files.all()) {
            assertTrue(Files.size(p) > 0, p + " is empty");
        }
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(List.of(), listing.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "temporary files left behind");
        }
        JsonNode summary = mapper.readTree(files.summaryJson().toFile());
        assertEquals(List.of(), SummarySchema.errors(SummarySchema.RUN_SUMMARY, summary));
        assertEquals(600, summary.at("/counts/frames").asInt());
        assertEquals(12, summary.at("/counts/frames_late").asInt(), "frames 49, 99, … 599");
        assertEquals(12, summary.at("/counts/frames_shown_twice_estimate").asInt());
        assertEquals(log.bytesPerFrame(), summary.at("/bytes_per_frame").asInt());
        assertEquals(599, summary.at("/gpu_us/left/stages/scene/count").asInt(), "frame 9 was skipped");
        assertEquals(0, summary.at("/gpu_us/left/stages/taau/count").asInt());
        assertTrue(summary.at("/gpu_us/left/stages/taau/mean").isNull(), "not measured is null, not NaN or 0");
        assertEquals(31.5, summary.at("/quality/left/psnr_db").asDouble(), 1e-12);
        assertTrue(summary.at("/fps_1pct_low_mean_worst").asDouble() <= summary.at("/fps_1pct_low_p99").asDouble());
    }

    @Test
    void schemaRejectsASummaryMissingAKeyOrWithAWrongType() throws IOException {
        ReportFiles files = RunReport.of(TestRuns.log(50, 2), TestRuns.info(), null).writeTo(dir);
        ObjectNode summary = (ObjectNode) mapper.readTree(files.summaryJson().toFile());
        assertEquals(List.of(), SummarySchema.errors(SummarySchema.RUN_SUMMARY, summary));
        ObjectNode missing = summary.deepCopy();
        missing.remove("fps_1pct_low_p99");
        assertFalse(SummarySchema.errors(SummarySchema.RUN_SUMMARY, missing).isEmpty());
        ObjectNode wrongType = summary.deepCopy();
        ((ObjectNode) wrongType.get("counts")).put("frames_late", "twelve");
        assertFalse(SummarySchema.errors(SummarySchema.RUN_SUMMARY, wrongType).isEmpty());
    }

    @Test
    void htmlIsSelfContainedWithInlinedChartsQualityTableAndHeatmaps() throws IOException {
        ReportFiles files = RunReport.of(TestRuns.log(600, 3), TestRuns.info(), quality()).writeTo(dir);
        String html = Files.readString(files.reportHtml(), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("<(script|link|img)[^>]+(src|href)=\"(https?:|//)").matcher(html).find(),
                "the report must not load anything from the network");
        assertFalse(Pattern.compile("<script[^>]+src=").matcher(html).find(), "scripts are inlined");
        assertTrue(html.contains("echarts"), "chart library inlined");
        assertTrue(html.length() > 500_000, "the ECharts build is part of the page");
        for (String id : List.of("chart-frame-time", "chart-stages", "chart-hist-interval", "chart-hist-gpu",
                "quality-table", "stage-table-left", "stage-table-right")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertEquals(2, count(html, "src=\"data:image/png;base64,"), "one heatmap per eye");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(data.find());
        JsonNode chartData = mapper.readTree(data.group(1));
        assertEquals(600, chartData.at("/series/frame").size());
        assertEquals(TestRuns.STAGES.size(), chartData.at("/stages/mean_ms/left").size());
        assertEquals(40, chartData.at("/histograms/interval_ms/counts").size());
    }

    @Test
    void noQualitySectionWithoutAReference() throws IOException {
        ReportFiles files = RunReport.of(TestRuns.log(20, 4), TestRuns.info(), null).writeTo(dir);
        String html = Files.readString(files.reportHtml(), StandardCharsets.UTF_8);
        assertFalse(html.contains("quality-table"));
        assertTrue(mapper.readTree(files.summaryJson().toFile()).get("quality").isNull());
    }

    @Test
    void textFromTheRunIsEscapedInTheHtml() throws IOException {
        RunInfo base = TestRuns.info();
        RunInfo hostile = new RunInfo("<script>alert(1)</script>", base.left(), base.right(), base.sink(), null,
                null, null, null, null, null, base.date(), base.host(), Map.of("note", "a</script><b>"));
        ReportFiles files = RunReport.of(TestRuns.log(10, 5), hostile, null).writeTo(dir);
        String html = Files.readString(files.reportHtml(), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("summary.json");
        Files.writeString(target, "old");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void heatmapMustBeAPng() {
        assertThrows(IllegalArgumentException.class,
                () -> new EyeQuality(1, 1, 1, 1, Map.of(), "GIF89a".getBytes(StandardCharsets.US_ASCII)));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
