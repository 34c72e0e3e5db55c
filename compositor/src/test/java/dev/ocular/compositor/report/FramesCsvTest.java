package dev.ocular.compositor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** frames.csv: BOM, units in the header, one strictly-parsed row per frame with the log's values. */
class FramesCsvTest {

    @Test
    void parsesStrictlyAndMatchesTheLog() throws IOException {
        FrameLog log = TestRuns.log(600, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FramesCsv.write(log, out);
        byte[] bytes = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS);
        List<String> header = FramesCsv.header(log.stages());
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withStrictHeaders(true);
        List<List<String>> rows;
        try (MappingIterator<String[]> it = csv.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            rows = it.readAll().stream().map(Arrays::asList).toList();
        }
        assertEquals(header, rows.get(0), "header row");
        assertTrue(header.contains("Frame Interval (µs)") && header.contains("Wait CPU (µs)")
                && header.contains("Left scene GPU (µs)") && header.contains("Right compose GPU (µs)"));
        assertEquals(log.size(), rows.size() - 1, "one row per frame");
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), "every row has every column");
        }
        // The same file read by header name, strict: the schema built from the header must match it exactly.
        try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                .with(schema).readValues(text)) {
            List<Map<String, String>> records = it.readAll();
            assertEquals(log.size(), records.size());
            Map<String, String> r10 = records.get(10);
            assertEquals("10", r10.get("Frame"));
            double interval = (log.startNanos(10) - log.startNanos(9)) / 1000.0;
            assertEquals(interval, Double.parseDouble(r10.get("Frame Interval (µs)")), 0.0005);
            assertEquals(log.cpuMicros(10, CpuPhase.WAIT), Double.parseDouble(r10.get("Wait CPU (µs)")), 0.0005);
            assertEquals(log.gpuMicros(10, 1, 2), Double.parseDouble(r10.get("Right vrnet.conv0 GPU (µs)")),
                    0.0005);
            assertEquals("", r10.get("Left taau GPU (µs)"), "a stage that did not run is an empty cell");
            assertEquals("", records.get(0).get("Frame Interval (µs)"), "the first frame has no interval");
            assertEquals("", records.get(9).get("Left GPU (µs)"), "frame 9 was skipped");
            assertEquals("1", records.get(9).get("Skipped"));
            assertEquals("1", records.get(49).get("Late"));
            assertEquals("1", records.get(49).get("Shown Twice (est.)"));
        }
    }
}
