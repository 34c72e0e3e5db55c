package dev.ocular.distortion.profile;

import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.model.GridLensModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads a measured lens grid (CSV) into a {@link GridLensModel}.
 *
 * <p>Format: UTF-8 text; blank lines and lines starting with {@code #} are ignored; the first other line is the header
 * {@code x_px,y_px,red_x,red_y,green_x,green_y,blue_x,blue_y}; every following line gives one node: its eye-local panel
 * position in pixels and the render (tangent) direction of each channel there. The nodes must form a complete regular
 * grid (any order) of at least 4×4 that covers the eye's viewport.
 */
final class GridFileReader {
    static final String HEADER = "x_px,y_px,red_x,red_y,green_x,green_y,blue_x,blue_y";
    private static final int COLUMNS = 8;
    private static final int MAX_NODES = 1 << 20;

    private GridFileReader() {
    }

    static GridLensModel read(ProfileSource source, int eyeWidthPx, int eyeHeightPx) {
        List<double[]> rows = parse(source);
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (double[] row : rows) {
            xs.add(row[0]);
            ys.add(row[1]);
        }
        int columns = xs.size();
        int rowCount = ys.size();
        if (columns < 4 || rowCount < 4) {
            throw fail(source, "grid", "a grid needs at least 4×4 nodes, found " + columns + "×" + rowCount);
        }
        if ((long) columns * rowCount != rows.size()) {
            throw fail(source, "grid", "not a complete grid: " + columns + " distinct x and " + rowCount
                    + " distinct y need " + (long) columns * rowCount + " nodes, found " + rows.size());
        }
        double[] xAxis = regularAxis(source, "x_px", xs);
        double[] yAxis = regularAxis(source, "y_px", ys);
        if (xAxis[0] > 0.0 || yAxis[0] > 0.0 || xAxis[0] + (columns - 1) * xAxis[1] < eyeWidthPx
                || yAxis[0] + (rowCount - 1) * yAxis[1] < eyeHeightPx) {
            throw fail(source, "grid", String.format(Locale.ROOT,
                    "grid spans x %.1f..%.1f, y %.1f..%.1f px but must cover the eye viewport 0..%d × 0..%d",
                    xAxis[0], xAxis[0] + (columns - 1) * xAxis[1], yAxis[0], yAxis[0] + (rowCount - 1) * yAxis[1],
                    eyeWidthPx, eyeHeightPx));
        }
        double[][][] nodes = new double[3][2][columns * rowCount];
        boolean[] seen = new boolean[columns * rowCount];
        for (double[] row : rows) {
            int i = (int) Math.round((row[0] - xAxis[0]) / xAxis[1]);
            int j = (int) Math.round((row[1] - yAxis[0]) / yAxis[1]);
            int index = j * columns + i;
            if (seen[index]) {
                throw fail(source, "grid", "node (" + row[0] + ", " + row[1] + ") appears twice");
            }
            seen[index] = true;
            for (int c = 0; c < 3; c++) {
                nodes[c][0][index] = row[2 + 2 * c];
                nodes[c][1][index] = row[3 + 2 * c];
            }
        }
        return new GridLensModel(xAxis[0], yAxis[0], xAxis[1], yAxis[1], columns, rowCount, nodes);
    }

    /** Returns {origin, spacing} after checking the distinct values are evenly spaced. */
    private static double[] regularAxis(ProfileSource source, String column, TreeSet<Double> values) {
        Double[] sorted = values.toArray(new Double[0]);
        double spacing = (sorted[sorted.length - 1] - sorted[0]) / (sorted.length - 1);
        for (int i = 0; i < sorted.length; i++) {
            double expected = sorted[0] + i * spacing;
            if (Math.abs(sorted[i] - expected) > 1e-6 * Math.max(1.0, spacing)) {
                throw fail(source, "column " + column, "values are not evenly spaced (" + sorted[i]
                        + " where " + expected + " was expected)");
            }
        }
        return new double[] {sorted[0], spacing};
    }

    private static List<double[]> parse(ProfileSource source) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            boolean headerSeen = false;
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!trimmed.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw fail(source, "line " + lineNumber, "expected the header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(parseRow(source, lineNumber, trimmed));
                if (rows.size() > MAX_NODES) {
                    throw fail(source, "line " + lineNumber, "more than " + MAX_NODES + " nodes");
                }
            }
            if (!headerSeen) {
                throw fail(source, "line " + lineNumber, "empty grid file (no header)");
            }
        } catch (IOException e) {
            throw new LensInputException(source.name(), "(file)", "cannot read grid: " + e.getMessage(), e);
        }
        return rows;
    }

    private static double[] parseRow(ProfileSource source, int lineNumber, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS) {
            throw fail(source, "line " + lineNumber, "expected " + COLUMNS + " values, found " + cells.length);
        }
        double[] values = new double[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            String cell = cells[i].strip();
            try {
                values[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw fail(source, "line " + lineNumber + ", column " + (i + 1), "'" + cell + "' is not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw fail(source, "line " + lineNumber + ", column " + (i + 1), "not a finite number (" + cell + ")");
            }
        }
        return values;
    }

    private static LensInputException fail(ProfileSource source, String where, String reason) {
        return new LensInputException(source.name(), where, reason);
    }
}
