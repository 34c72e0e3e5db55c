package dev.ocular.distortion.report;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.report.PointEvaluator.ChannelPoint;
import dev.ocular.distortion.report.PointEvaluator.InputPoint;
import dev.ocular.distortion.report.PointEvaluator.PointResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV for {@code ocular lens eval}.
 *
 * <p>Input: UTF-8; blank lines and lines starting with {@code #} are ignored; an optional header {@code x,y}; then one
 * point per line, two numbers. Output: header {@code line,x,y,red_x,red_y,green_x,green_y,blue_x,blue_y,visible} and
 * one row per input point in input order; a channel the inverse could not solve has empty cells. Numbers are written
 * as the shortest decimal that reads back as the same double.
 */
public final class PointsCsv {
    public static final String OUTPUT_HEADER = "line,x,y,red_x,red_y,green_x,green_y,blue_x,blue_y,visible";
    private static final int MAX_POINTS = 10_000_000;

    private PointsCsv() {
    }

    public static List<InputPoint> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new LensInputException(file.toString(), "(file)", "no such file", e);
        } catch (IOException e) {
            throw new LensInputException(file.toString(), "(file)", "cannot read: " + e.getMessage(), e);
        }
    }

    /** @param name what messages call the input */
    public static List<InputPoint> read(String name, Reader reader) {
        List<InputPoint> points = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            boolean first = true;
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (first && trimmed.replace(" ", "").equalsIgnoreCase("x,y")) {
                    first = false;
                    continue;
                }
                first = false;
                points.add(parse(name, lineNumber, trimmed));
                if (points.size() > MAX_POINTS) {
                    throw new LensInputException(name, "line " + lineNumber, "more than " + MAX_POINTS + " points");
                }
            }
        } catch (IOException e) {
            throw new LensInputException(name, "(file)", "cannot read: " + e.getMessage(), e);
        }
        return List.copyOf(points);
    }

    private static InputPoint parse(String name, int lineNumber, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 2) {
            throw new LensInputException(name, "line " + lineNumber, "expected two values x,y, found "
                    + cells.length);
        }
        double[] values = new double[2];
        for (int i = 0; i < 2; i++) {
            String cell = cells[i].strip();
            try {
                values[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new LensInputException(name, "line " + lineNumber + ", column " + (i + 1),
                        "'" + cell + "' is not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw new LensInputException(name, "line " + lineNumber + ", column " + (i + 1),
                        "not a finite number (" + cell + ")");
            }
        }
        return new InputPoint(lineNumber, values[0], values[1]);
    }

    public static void write(List<PointResult> results, Writer out) throws IOException {
        out.write(OUTPUT_HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder();
        for (PointResult result : results) {
            row.setLength(0);
            row.append(result.line()).append(',').append(number(result.x())).append(',').append(number(result.y()));
            for (Channel channel : Channel.values()) {
                ChannelPoint point = result.channel(channel);
                row.append(',').append(point.solved() ? number(point.x()) : "");
                row.append(',').append(point.solved() ? number(point.y()) : "");
            }
            row.append(',').append(result.visible()).append('\n');
            out.write(row.toString());
        }
        out.flush();
    }

    // Shortest decimal that reads back as the same double.
    private static String number(double value) {
        return Double.toString(value);
    }
}
