package dev.ocular.distortion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class GridLensModelTest {
    private static final int W = 800;
    private static final int H = 900;
    private static final double SPACING = 50.0;
    private static final int COLUMNS = 17;
    private static final int ROWS = 19;

    /** A smooth reference lens (radial, even powers only, Cardboard v2 coefficients) to sample. */
    static LensModel reference() {
        double[] k = {0.34, 0.55};
        RadialChannel[] ch = new RadialChannel[3];
        double[] chroma = {0.985, 1.0, 1.015};
        for (int c = 0; c < 3; c++) {
            ch[c] = RadialChannel.centred(430, 450, 680, 680, PolynomialRadial.brownConrady(chroma[c], k), 1.0, 1.0);
        }
        return new RadialLensModel("panotools", ch[0], ch[1], ch[2], Double.POSITIVE_INFINITY, W, H);
    }

    static double[][][] sample(LensModel source, double spacing, int columns, int rows) {
        double[][][] nodes = new double[3][2][columns * rows];
        Vector2d render = new Vector2d();
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                for (Channel channel : Channel.values()) {
                    source.panelToRender(channel, i * spacing, j * spacing, render);
                    nodes[channel.ordinal()][0][j * columns + i] = render.x;
                    nodes[channel.ordinal()][1][j * columns + i] = render.y;
                }
            }
        }
        return nodes;
    }

    private static GridLensModel grid() {
        return new GridLensModel(0, 0, SPACING, SPACING, COLUMNS, ROWS, sample(reference(), SPACING, COLUMNS, ROWS));
    }

    @Test
    void interpolationPassesThroughTheMeasuredNodes() {
        GridLensModel grid = grid();
        LensModel reference = reference();
        Vector2d a = new Vector2d();
        Vector2d b = new Vector2d();
        for (int j = 0; j < ROWS; j++) {
            for (int i = 0; i < COLUMNS; i++) {
                grid.panelToRender(Channel.BLUE, i * SPACING, j * SPACING, a);
                reference.panelToRender(Channel.BLUE, i * SPACING, j * SPACING, b);
                assertEquals(b.x, a.x, 1e-12);
                assertEquals(b.y, a.y, 1e-12);
            }
        }
    }

    @Test
    void betweenNodesItFollowsTheSmoothLensClosely() {
        GridLensModel grid = grid();
        LensModel reference = reference();
        Vector2d a = new Vector2d();
        Vector2d b = new Vector2d();
        SplittableRandom random = new SplittableRandom(21);
        double worst = 0.0;
        double worstBilinear = 0.0;
        for (int i = 0; i < 5000; i++) {
            // Away from the outermost cells, where the border continuation lowers the order of the interpolant.
            double x = random.nextDouble(SPACING, W - SPACING);
            double y = random.nextDouble(SPACING, H - SPACING);
            grid.panelToRender(Channel.GREEN, x, y, a);
            reference.panelToRender(Channel.GREEN, x, y, b);
            worst = Math.max(worst, a.distance(b));
            worstBilinear = Math.max(worstBilinear, bilinear(reference, x, y).distance(b));
        }
        // In pixels (680 px per tangent unit near the centre, fewer further out) the cubic stays within a fifth of a
        // pixel on 50 px cells of a strong lens, and well closer than bilinear interpolation of the same nodes.
        assertTrue(worst * 680 < 0.2, "worst interpolation error " + worst * 680 + " px");
        assertTrue(worst * 10 < worstBilinear, "cubic " + worst * 680 + " px vs bilinear " + worstBilinear * 680);
    }

    private static Vector2d bilinear(LensModel reference, double x, double y) {
        double i = Math.floor(x / SPACING) * SPACING;
        double j = Math.floor(y / SPACING) * SPACING;
        double s = (x - i) / SPACING;
        double t = (y - j) / SPACING;
        Vector2d v00 = reference.panelToRender(Channel.GREEN, i, j, new Vector2d());
        Vector2d v10 = reference.panelToRender(Channel.GREEN, i + SPACING, j, new Vector2d());
        Vector2d v01 = reference.panelToRender(Channel.GREEN, i, j + SPACING, new Vector2d());
        Vector2d v11 = reference.panelToRender(Channel.GREEN, i + SPACING, j + SPACING, new Vector2d());
        return v00.mul((1 - s) * (1 - t)).add(v10.mul(s * (1 - t))).add(v01.mul((1 - s) * t)).add(v11.mul(s * t));
    }

    @Test
    void inverseUndoesForwardInsideTheGrid() {
        GridLensModel grid = grid();
        SplittableRandom random = new SplittableRandom(22);
        Vector2d render = new Vector2d();
        Vector2d back = new Vector2d();
        for (int i = 0; i < 2000; i++) {
            double x = random.nextDouble(0, W);
            double y = random.nextDouble(0, H);
            for (Channel channel : Channel.values()) {
                grid.panelToRender(channel, x, y, render);
                assertTrue(grid.renderToPanel(channel, render.x, render.y, back), "at " + x + ", " + y);
                assertEquals(x, back.x, 1e-8);
                assertEquals(y, back.y, 1e-8);
            }
        }
    }

    @Test
    void theModelEndsAtTheGrid() {
        GridLensModel grid = grid();
        assertTrue(grid.inDomain(0, 0));
        assertTrue(grid.inDomain(800, 900));
        assertFalse(grid.inDomain(-0.1, 10));
        assertFalse(grid.inDomain(10, 900.1));
        assertFalse(grid.renderToPanel(Channel.GREEN, 5.0, 0.0, new Vector2d()));
    }

    @Test
    void lensCentreIsWhereTheMappingIsZero() {
        Vector2d center = grid().lensCenter(Channel.GREEN, new Vector2d());
        // The centre lies between nodes; the interpolant puts the zero within a hundredth of a pixel of it.
        assertEquals(430, center.x, 0.01);
        assertEquals(450, center.y, 0.01);
    }

    @Test
    void aGridThatFoldsIsCaught() {
        double[][][] nodes = sample(reference(), SPACING, COLUMNS, ROWS);
        // Mirror the render x of column 12 onwards: the mapping turns back on itself there (x = 600 px).
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < ROWS; j++) {
                for (int i = 12; i < COLUMNS; i++) {
                    int mirror = 2 * 11 - i;
                    nodes[c][0][j * COLUMNS + i] = nodes[c][0][j * COLUMNS + mirror];
                }
            }
        }
        GridLensModel folded = new GridLensModel(0, 0, SPACING, SPACING, COLUMNS, ROWS, nodes);
        EyeProfile eye = new EyeProfile(Eye.LEFT, 0, W, H, new Fov(-70, 70, 70, -70), Optional.empty(), folded);
        Optional<FoldOver> fold = folded.findFold(Channel.GREEN, PanelVisibility.compute(eye));
        assertTrue(fold.isPresent());
        assertTrue(fold.get().panelX() > 520 && fold.get().panelX() < 600, fold.get().describe());
    }
}
