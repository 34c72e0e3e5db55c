package dev.ocular.distortion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class BrownConradyModelTest {
    private static final int W = 960;
    private static final int H = 1080;
    private static final double[] CHROMA = {0.99, 1.0, 1.012};

    private static BrownConradyModel tangential() {
        return new BrownConradyModel(436, 540, 733, 731, new double[] {0.441, 0.156, 0.02}, 0.004, -0.003, CHROMA,
                W, H);
    }

    @Test
    void forwardIsOpenCvsDistortionModel() {
        BrownConradyModel model = tangential();
        SplittableRandom random = new SplittableRandom(3);
        Vector2d render = new Vector2d();
        for (int i = 0; i < 500; i++) {
            double px = random.nextDouble(0, W);
            double py = random.nextDouble(0, H);
            double x = (px - 436) / 733;
            double y = (py - 540) / 731;
            double r2 = x * x + y * y;
            double radial = 1 + 0.441 * r2 + 0.156 * r2 * r2 + 0.02 * r2 * r2 * r2;
            double xd = x * radial + 2 * 0.004 * x * y + (-0.003) * (r2 + 2 * x * x);
            double yd = y * radial + 0.004 * (r2 + 2 * y * y) + 2 * (-0.003) * x * y;
            for (Channel channel : Channel.values()) {
                model.panelToRender(channel, px, py, render);
                assertEquals(CHROMA[channel.ordinal()] * xd, render.x, 1e-14);
                assertEquals(-CHROMA[channel.ordinal()] * yd, render.y, 1e-14);
            }
        }
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        PlanarMap map = tangential().planarMap(Channel.BLUE);
        double[] at = new double[6];
        double[] plus = new double[6];
        double[] minus = new double[6];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble(0, W);
            double y = random.nextDouble(0, H);
            map.evaluate(x, y, at);
            double h = 1e-4;
            map.evaluate(x + h, y, plus);
            map.evaluate(x - h, y, minus);
            assertEquals((plus[0] - minus[0]) / (2 * h), at[2], 1e-8);
            assertEquals((plus[1] - minus[1]) / (2 * h), at[4], 1e-8);
            map.evaluate(x, y + h, plus);
            map.evaluate(x, y - h, minus);
            assertEquals((plus[0] - minus[0]) / (2 * h), at[3], 1e-8);
            assertEquals((plus[1] - minus[1]) / (2 * h), at[5], 1e-8);
        }
    }

    @Test
    void inverseUndoesForwardAtRandomPoints() {
        BrownConradyModel model = tangential();
        SplittableRandom random = new SplittableRandom(9);
        Vector2d render = new Vector2d();
        Vector2d back = new Vector2d();
        for (int i = 0; i < 3000; i++) {
            double px = random.nextDouble(0, W);
            double py = random.nextDouble(0, H);
            for (Channel channel : Channel.values()) {
                model.panelToRender(channel, px, py, render);
                assertTrue(model.renderToPanel(channel, render.x, render.y, back));
                assertEquals(px, back.x, 1e-8, channel + " at (" + px + ", " + py + ")");
                assertEquals(py, back.y, 1e-8, channel + " at (" + px + ", " + py + ")");
            }
        }
    }

    @Test
    void withoutTangentialTermsItIsTheRadialModel() {
        double[] k = {0.34, 0.55};
        BrownConradyModel brown = new BrownConradyModel(500, 540, 680, 680, k, 0, 0, new double[] {1, 1, 1}, W, H);
        PolynomialRadial g = PolynomialRadial.brownConrady(1.0, k);
        RadialChannel ch = RadialChannel.centred(500, 540, 680, 680, g, 1.0, 1.0);
        RadialLensModel radial = new RadialLensModel("radial_polynomial", ch, ch, ch, Double.POSITIVE_INFINITY, W, H);
        Vector2d a = new Vector2d();
        Vector2d b = new Vector2d();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            double x = random.nextDouble(0, W);
            double y = random.nextDouble(0, H);
            brown.panelToRender(Channel.GREEN, x, y, a);
            radial.panelToRender(Channel.GREEN, x, y, b);
            assertEquals(b.x, a.x, 1e-14);
            assertEquals(b.y, a.y, 1e-14);
        }
    }

    @Test
    void aPoorGuessStillFindsTheTruePreimage() {
        BrownConradyModel model = tangential();
        Vector2d render = model.panelToRender(Channel.GREEN, 900, 100, new Vector2d());
        Vector2d back = new Vector2d();
        // Start on the far side of a strong barrel: Newton's path from there is long; whichever way it ends, the
        // answer must be the true preimage.
        SolveOutcome outcome = model.solveFrom(Channel.GREEN, render.x, render.y, -400, 1500, back);
        assertTrue(outcome.solved(), outcome.toString());
        assertEquals(900, back.x, 1e-8);
        assertEquals(100, back.y, 1e-8);
    }

    @Test
    void foldIsFoundByTheJacobianScanWithItsRadius() {
        // Pure radial k1 = -0.5: g = r (1 - r²/2), g' = 1 - 1.5 r² = 0 at r = 0.8165, i.e. 326.6 px at 400 px per
        // unit. A tiny tangential term keeps the two-dimensional model in play.
        BrownConradyModel model = new BrownConradyModel(480, 540, 400, 400, new double[] {-0.5}, 1e-9, 0,
                new double[] {1, 1, 1}, W, H);
        EyeProfile eye = new EyeProfile(Eye.LEFT, 0, W, H, new Fov(-70, 70, 70, -70), Optional.empty(), model);
        PanelVisibility visible = PanelVisibility.compute(eye);
        Optional<FoldOver> fold = model.findFold(Channel.GREEN, visible);
        assertTrue(fold.isPresent());
        // Pixel centres sample the circle; the nearest failing centre lies within a pixel of the true radius.
        assertEquals(400 * Math.sqrt(2.0 / 3.0), fold.get().radiusPx(), 1.0);
    }
}
