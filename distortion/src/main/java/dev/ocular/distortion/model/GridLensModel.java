package dev.ocular.distortion.model;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import org.joml.Vector2d;

/**
 * A measured lens: render directions sampled per channel on a regular grid of panel positions (a per-unit calibration
 * grid), interpolated with a bicubic Catmull-Rom spline so that the mapping and its Jacobian are continuous and the
 * Newton inverse converges. Beyond the first and last rows and columns the spline uses nodes continued along a straight
 * line, so cells at the border interpolate as well as interior ones. The model is defined only inside the grid.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class GridLensModel implements LensModel {
    private static final double STEP_TOLERANCE_PX = 1e-10;
    private static final int GUESS_TABLE = 64;

    private final double originX;
    private final double originY;
    private final double spacingX;
    private final double spacingY;
    private final int columns;
    private final int rows;
    /** [channel][0 = render x, 1 = render y][row * columns + column]. */
    private final double[][][] nodes;
    private final int[][] guessTable;
    private final double[][] guessBounds;
    private final double[][] centers;
    private final double[] searchBox;
    private final PlanarInverse solver = new PlanarInverse(STEP_TOLERANCE_PX);

    /**
     * @param nodes [channel][0 = render x, 1 = render y][row * columns + column], finite values
     */
    public GridLensModel(double originX, double originY, double spacingX, double spacingY, int columns, int rows,
                         double[][][] nodes) {
        if (columns < 4 || rows < 4) {
            throw new IllegalArgumentException("a measured grid needs at least 4×4 nodes, got " + columns + "×" + rows);
        }
        if (!(spacingX > 0.0) || !(spacingY > 0.0)) {
            throw new IllegalArgumentException("grid spacing must be positive");
        }
        this.originX = originX;
        this.originY = originY;
        this.spacingX = spacingX;
        this.spacingY = spacingY;
        this.columns = columns;
        this.rows = rows;
        this.nodes = new double[3][2][];
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 2; a++) {
                if (nodes[c][a].length != columns * rows) {
                    throw new IllegalArgumentException("grid data does not match " + columns + "×" + rows);
                }
                this.nodes[c][a] = nodes[c][a].clone();
            }
        }
        this.searchBox = new double[] {originX, originY, maxX(), maxY()};
        this.guessTable = new int[3][];
        this.guessBounds = new double[3][];
        this.centers = new double[3][];
        for (Channel channel : Channel.values()) {
            buildGuessTable(channel.ordinal());
            centers[channel.ordinal()] = findCenter(channel);
        }
    }

    private double maxX() {
        return originX + (columns - 1) * spacingX;
    }

    private double maxY() {
        return originY + (rows - 1) * spacingY;
    }

    @Override
    public String modelName() {
        return "mesh_grid";
    }

    /** Nodes per row and per column. */
    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    @Override
    public GridLensModel scaledPanel(double scaleX, double scaleY, int eyeWidthPx, int eyeHeightPx) {
        // The measured directions stay; only where the nodes sit on the panel moves.
        return new GridLensModel(originX * scaleX, originY * scaleY, spacingX * scaleX, spacingY * scaleY, columns,
                rows, nodes);
    }

    @Override
    public Vector2d panelToRender(Channel channel, double panelX, double panelY, Vector2d dest) {
        double[] out = new double[6];
        evaluate(channel.ordinal(), panelX, panelY, out);
        return dest.set(out[0], out[1]);
    }

    PlanarMap planarMap(Channel channel) {
        int c = channel.ordinal();
        return (x, y, out) -> evaluate(c, x, y, out);
    }

    private void evaluate(int c, double px, double py, double[] out) {
        double u = (px - originX) / spacingX;
        double v = (py - originY) / spacingY;
        int i = (int) Math.max(0, Math.min(columns - 2, Math.floor(u)));
        int j = (int) Math.max(0, Math.min(rows - 2, Math.floor(v)));
        // w[0..3] x weights, w[4..7] their slopes, w[8..11] y weights, w[12..15] their slopes.
        double[] w = new double[16];
        weights(u - i, w, 0);
        weights(v - j, w, 8);
        for (int a = 0; a < 2; a++) {
            double value = 0.0;
            double ddx = 0.0;
            double ddy = 0.0;
            for (int n = 0; n < 4; n++) {
                for (int m = 0; m < 4; m++) {
                    double node = node(c, a, i - 1 + m, j - 1 + n);
                    value += w[8 + n] * w[m] * node;
                    ddx += w[8 + n] * w[4 + m] * node;
                    ddy += w[12 + n] * w[m] * node;
                }
            }
            out[a] = value;
            out[2 + 2 * a] = ddx / spacingX;
            out[3 + 2 * a] = ddy / spacingY;
        }
    }

    /** Catmull-Rom weights of the four nodes around a cell at w[at..at+3] and their t-derivatives at w[at+4..]. */
    private static void weights(double t, double[] w, int at) {
        double t2 = t * t;
        double t3 = t2 * t;
        w[at] = 0.5 * (-t3 + 2.0 * t2 - t);
        w[at + 1] = 0.5 * (3.0 * t3 - 5.0 * t2 + 2.0);
        w[at + 2] = 0.5 * (-3.0 * t3 + 4.0 * t2 + t);
        w[at + 3] = 0.5 * (t3 - t2);
        w[at + 4] = 0.5 * (-3.0 * t2 + 4.0 * t - 1.0);
        w[at + 5] = 0.5 * (9.0 * t2 - 10.0 * t);
        w[at + 6] = 0.5 * (-9.0 * t2 + 8.0 * t + 1.0);
        w[at + 7] = 0.5 * (3.0 * t2 - 2.0 * t);
    }

    /** Node value with straight-line continuation one node beyond each border. */
    private double node(int c, int a, int i, int j) {
        if (i < 0) {
            return 2.0 * node(c, a, 0, j) - node(c, a, 1, j);
        }
        if (i >= columns) {
            return 2.0 * node(c, a, columns - 1, j) - node(c, a, columns - 2, j);
        }
        if (j < 0) {
            return 2.0 * node(c, a, i, 0) - node(c, a, i, 1);
        }
        if (j >= rows) {
            return 2.0 * node(c, a, i, rows - 1) - node(c, a, i, rows - 2);
        }
        return nodes[c][a][j * columns + i];
    }

    // For each cell of a table over the render-space bounding box, the node whose render position is nearest: a start
    // for Newton that is never more than about one grid cell from the answer.
    private void buildGuessTable(int c) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < columns * rows; n++) {
            minX = Math.min(minX, nodes[c][0][n]);
            maxX = Math.max(maxX, nodes[c][0][n]);
            minY = Math.min(minY, nodes[c][1][n]);
            maxY = Math.max(maxY, nodes[c][1][n]);
        }
        guessBounds[c] = new double[] {minX, minY, maxX, maxY};
        int[] table = new int[GUESS_TABLE * GUESS_TABLE];
        for (int ty = 0; ty < GUESS_TABLE; ty++) {
            for (int tx = 0; tx < GUESS_TABLE; tx++) {
                double rx = minX + (tx + 0.5) / GUESS_TABLE * (maxX - minX);
                double ry = minY + (ty + 0.5) / GUESS_TABLE * (maxY - minY);
                table[ty * GUESS_TABLE + tx] = nearestNode(c, rx, ry);
            }
        }
        guessTable[c] = table;
    }

    private int nearestNode(int c, double rx, double ry) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int n = 0; n < columns * rows; n++) {
            double d = Vector2d.length(nodes[c][0][n] - rx, nodes[c][1][n] - ry);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return best;
    }

    private double[] findCenter(Channel channel) {
        Vector2d center = new Vector2d();
        if (solve(channel, 0.0, 0.0, center).solved()) {
            return new double[] {center.x, center.y};
        }
        return new double[] {0.5 * (originX + maxX()), 0.5 * (originY + maxY())};
    }

    @Override
    public boolean renderToPanel(Channel channel, double renderX, double renderY, Vector2d dest) {
        return solve(channel, renderX, renderY, dest).solved();
    }

    SolveOutcome solve(Channel channel, double renderX, double renderY, Vector2d dest) {
        int c = channel.ordinal();
        double[] b = guessBounds[c];
        int tx = (int) Math.max(0, Math.min(GUESS_TABLE - 1, (renderX - b[0]) / (b[2] - b[0]) * GUESS_TABLE));
        int ty = (int) Math.max(0, Math.min(GUESS_TABLE - 1, (renderY - b[1]) / (b[3] - b[1]) * GUESS_TABLE));
        int node = guessTable[c][ty * GUESS_TABLE + tx];
        double guessX = originX + (node % columns) * spacingX;
        double guessY = originY + (node / columns) * spacingY;
        double[] out = new double[2];
        SolveOutcome outcome = solver.solve(planarMap(channel), renderX, renderY, guessX, guessY, searchBox, out);
        dest.set(out[0], out[1]);
        return outcome;
    }

    @Override
    public boolean inDomain(double panelX, double panelY) {
        return panelX >= originX && panelY >= originY && panelX <= maxX() && panelY <= maxY();
    }

    @Override
    public Vector2d lensCenter(Channel channel, Vector2d dest) {
        double[] center = centers[channel.ordinal()];
        return dest.set(center[0], center[1]);
    }

    @Override
    public Optional<FoldOver> findFold(Channel channel, PanelVisibility visible) {
        double[] center = centers[channel.ordinal()];
        return JacobianFoldScan.scan(channel, planarMap(channel), center[0], center[1], visible);
    }
}
