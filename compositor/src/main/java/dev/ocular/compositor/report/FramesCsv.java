package dev.ocular.compositor.report;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code frames.csv}: one row per frame in the style XRFrameTools and PresentMon users already parse — UTF-8 with a
 * byte-order mark, the unit in every header ({@code Time (µs)}, {@code Frame Interval (µs)}, {@code FPS}, {@code Wait
 * CPU (µs)}…; fredemmott/XRFrameTools src/lib/CSVWriter.cpp), then per eye and GPU stage {@code Left scene GPU (µs)}.
 * Cells for values not measured are empty; the first frame has no interval. Flags are 0/1.
 */
public final class FramesCsv {
    private static final String BOM = "\uFEFF";
    private static final int ROWS_PER_FLUSH = 256;

    private FramesCsv() {
    }

    /** The header cells, in column order, for a log with these stages. */
    public static List<String> header(List<String> stages) {
        List<String> h = new ArrayList<>(List.of("Frame", "Time (µs)", "Frame Interval (µs)", "FPS",
                "Predicted Display Period (µs)", "Predicted Display Time (ns)", "Late", "Discarded", "Skipped",
                "Shown Twice (est.)", "History Reset"));
        for (CpuPhase phase : CpuPhase.values()) {
            h.add(cpuColumn(phase));
        }
        for (StereoEye eye : StereoEye.values()) {
            h.add(eye.title() + " GPU (µs)");
        }
        for (StereoEye eye : StereoEye.values()) {
            for (String stage : stages) {
                h.add(eye.title() + " " + stage + " GPU (µs)");
            }
        }
        return h;
    }

    private static String cpuColumn(CpuPhase phase) {
        return switch (phase) {
            case WAIT -> "Wait CPU (µs)";
            case BEGIN -> "Begin CPU (µs)";
            case RECORD -> "Record CPU (µs)";
            case SUBMIT -> "Submit+GPU CPU (µs)";
            case END -> "End CPU (µs)";
        };
    }

    /** Writes the whole log. */
    public static void write(FrameLog log, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(512);
        line.append(BOM);
        List<String> header = header(log.stages());
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendQuoted(line, header.get(i));
        }
        line.append('\n');
        for (int row = 0; row < log.size(); row++) {
            appendRow(line, log, row);
            if (row % ROWS_PER_FLUSH == ROWS_PER_FLUSH - 1) {
                w.append(line);
                line.setLength(0);
            }
        }
        w.append(line);
        w.flush();
    }

    private static void appendRow(StringBuilder line, FrameLog log, int row) {
        line.append(log.frameIndex(row)).append(',');
        DecimalText.append(line, log.startNanos(row) / 1000.0, 3);
        line.append(',');
        if (row > 0) {
            double interval = (log.startNanos(row) - log.startNanos(row - 1)) / 1000.0;
            DecimalText.append(line, interval, 3);
            line.append(',');
            DecimalText.append(line, interval > 0 ? 1e6 / interval : Double.NaN, 2);
        } else {
            line.append(',');
        }
        line.append(',');
        float period = log.displayPeriodMicros(row);
        DecimalText.append(line, period > 0 ? period : Double.NaN, 3);
        line.append(',').append(log.displayTime(row));
        byte f = log.flags(row);
        flag(line, (f & FrameLog.FLAG_LATE) != 0);
        flag(line, (f & FrameLog.FLAG_DISCARDED) != 0);
        flag(line, (f & FrameLog.FLAG_SKIPPED) != 0);
        flag(line, row > 0 && RunStats.shownTwice(log, row));
        flag(line, (f & FrameLog.FLAG_HISTORY_RESET) != 0);
        for (CpuPhase phase : CpuPhase.values()) {
            line.append(',');
            DecimalText.append(line, log.cpuMicros(row, phase), 3);
        }
        for (StereoEye eye : StereoEye.values()) {
            line.append(',');
            DecimalText.append(line, RunStats.gpuTotalOrNaN(log, row, eye), 3);
        }
        for (StereoEye eye : StereoEye.values()) {
            for (int s = 0; s < log.stages().size(); s++) {
                line.append(',');
                DecimalText.append(line, log.gpuMicros(row, eye.index(), s), 3);
            }
        }
        line.append('\n');
    }

    private static void flag(StringBuilder line, boolean set) {
        line.append(',').append(set ? '1' : '0');
    }

    /** RFC 4180 quoting, only where a cell needs it (stage names come from code, but a comma must not shift columns). */
    private static void appendQuoted(StringBuilder line, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            line.append(cell);
            return;
        }
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}
