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
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class RadialLensModelTest {
    private static final int W = 800;
    private static final int H = 900;

    private static RadialLensModel uniform(String name, double cx, double cy, double unit, RadialFunction[] g,
                                           double outScale, double cutoff) {
        return new RadialLensModel(name,
                RadialChannel.centred(cx, cy, unit, unit, g[0], outScale, outScale),
                RadialChannel.centred(cx, cy, unit, unit, g[1], outScale, outScale),
                RadialChannel.centred(cx, cy, unit, unit, g[2], outScale, outScale), cutoff, W, H);
    }

    private static Map<String, LensModel> models() {
        double[] k = {0.599, 0.403, -1.005, 1.003};
        RadialFunction[] panotools = {new PolynomialRadial(0.985, k), new PolynomialRadial(1.0, k),
            new PolynomialRadial(1.015, k)};
        RadialFunction[] brown = {PolynomialRadial.brownConrady(1.0, new double[] {0.34, 0.55}),
            PolynomialRadial.brownConrady(1.0, new double[] {0.34, 0.55}),
            PolynomialRadial.brownConrady(1.0, new double[] {0.34, 0.55})};
        double[] knots = {1.0, 1.021, 1.051, 1.086, 1.128, 1.177, 1.232, 1.295, 1.368, 1.452, 1.560};
        RadialFunction[] spline = {new CatmullRomRadial(knots, 1.0, -0.016, 0.0),
            new CatmullRomRadial(knots, 1.0, 0.0, 0.0), new CatmullRomRadial(knots, 1.0, 0.024, 0.0)};
        // Valve-style: per-channel centres and a render-space offset, anisotropic output scale.
        RadialLensModel valve = new RadialLensModel("inverse_polynomial",
                new RadialChannel(410, 452, 400, 400, new RationalRadial(-0.19, -0.07, -0.02), 0.86, 0.95,
                        0.004, -0.002),
                new RadialChannel(405, 450, 400, 400, new RationalRadial(-0.22, -0.02, -0.05), 0.86, 0.95, 0.0,
                        0.0),
                new RadialChannel(400, 447, 400, 400, new RationalRadial(-0.25, 0.02, -0.08), 0.86, 0.95,
                        -0.004, 0.003),
                1.5, W, H);
        return Map.of(
                "panotools", uniform("panotools", 430, 450, 430, panotools, 430.0 / 350.0, Double.POSITIVE_INFINITY),
                "brown", uniform("radial_polynomial", 380, 460, 700, brown, 1.0, Double.POSITIVE_INFINITY),
                "spline", uniform("catmull_rom_spline", 400, 450, 850, spline, 1.0, Double.POSITIVE_INFINITY),
                "valve", valve);
    }

    @Test
    void inverseUndoesForwardAtRandomPanelPoints() {
        SplittableRandom random = new SplittableRandom(42);
        Vector2d render = new Vector2d();
        Vector2d back = new Vector2d();
        for (Map.Entry<String, LensModel> entry : models().entrySet()) {
            LensModel model = entry.getValue();
            for (int i = 0; i < 2000; i++) {
                double x = random.nextDouble(0, W);
                double y = random.nextDouble(0, H);
                if (!model.inDomain(x, y)) {
                    continue;
                }
                for (Channel channel : Channel.values()) {
                    model.panelToRender(channel, x, y, render);
                    assertTrue(model.renderToPanel(channel, render.x, render.y, back), entry.getKey());
                    String where = entry.getKey() + " " + channel + " at (" + x + ", " + y + ")";
                    assertEquals(x, back.x, 1e-9, where);
                    assertEquals(y, back.y, 1e-9, where);
                }
            }
        }
    }

    @Test
    void forwardUndoesInverseAtRandomRenderPoints() {
        SplittableRandom random = new SplittableRandom(43);
        Vector2d panel = new Vector2d();
        Vector2d render = new Vector2d();
        for (Map.Entry<String, LensModel> entry : models().entrySet()) {
            LensModel model = entry.getValue();
            for (int i = 0; i < 2000; i++) {
                double tx = random.nextDouble(-0.8, 0.8);
                double ty = random.nextDouble(-0.8, 0.8);
                for (Channel channel : Channel.values()) {
                    if (model.renderToPanel(channel, tx, ty, panel)) {
                        model.panelToRender(channel, panel.x, panel.y, render);
                        assertEquals(tx, render.x, 1e-12, entry.getKey());
                        assertEquals(ty, render.y, 1e-12, entry.getKey());
                    }
                }
            }
        }
    }

    @Test
    void forwardFollowsTheDocumentedFormula() {
        // q = ((x - cx)/unit, (cy - y)/unit); render = offset + q · g(r)/r · outScale.
        LensModel valve = models().get("valve");
        RadialFunction red = new RationalRadial(-0.19, -0.07, -0.02);
        double x = 123.0;
        double y = 700.0;
        double qx = (x - 410) / 400.0;
        double qy = (452 - y) / 400.0;
        double r = Math.sqrt(qx * qx + qy * qy);
        Vector2d render = valve.panelToRender(Channel.RED, x, y, new Vector2d());
        assertEquals(0.004 + qx * red.value(r) / r * 0.86, render.x, 1e-15);
        assertEquals(-0.002 + qy * red.value(r) / r * 0.95, render.y, 1e-15);
        // The lens centre maps to the channel's offset.
        Vector2d center = valve.panelToRender(Channel.RED, 410, 452, new Vector2d());
        assertEquals(0.004, center.x, 1e-15);
        assertEquals(-0.002, center.y, 1e-15);
    }

    @Test
    void cutoffLimitsTheDomainInEveryChannel() {
        LensModel valve = models().get("valve");
        // r² = 1.5 about green's centre (405, 450) at 400 px per unit: radius ≈ 489.9 px.
        assertTrue(valve.inDomain(405 + 480, 450));
        assertFalse(valve.inDomain(405 + 500, 450));
        assertFalse(valve.inDomain(405, 450 - 495));
    }

    @Test
    void inverseReportsDirectionsBeyondTheFold() {
        // g = r (1 - r²/3) folds at r = 1 (g = 2/3); with unit 300 and output scale 1, |render| > 2/3 has no preimage.
        RadialFunction folding = new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.0 / 3.0});
        LensModel model = uniform("panotools", 400, 450, 300, new RadialFunction[] {folding, folding, folding}, 1.0,
                Double.POSITIVE_INFINITY);
        Vector2d panel = new Vector2d();
        assertFalse(model.renderToPanel(Channel.GREEN, 0.7, 0.0, panel));
        assertTrue(Double.isNaN(panel.x) && Double.isNaN(panel.y));
        assertTrue(model.renderToPanel(Channel.GREEN, 0.6, 0.0, panel));
    }

    @Test
    void foldInsideTheVisibleAreaIsFoundWithItsRadius() {
        // g' = 1 - 4.5 r² vanishes at r = √2/3 ≈ 0.4714, i.e. 235.70 px at 500 px per unit; beyond it g falls back,
        // so those pixels still map inside a wide field of view and are visible.
        RadialFunction folding = new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.5});
        LensModel model = uniform("panotools", 400, 450, 500, new RadialFunction[] {folding, folding, folding}, 1.0,
                Double.POSITIVE_INFINITY);
        EyeProfile eye = new EyeProfile(Eye.LEFT, 0, W, H, new Fov(-60, 60, 60, -60), Optional.empty(), model);
        PanelVisibility visible = PanelVisibility.compute(eye);
        Optional<FoldOver> fold = model.findFold(Channel.GREEN, visible);
        assertTrue(fold.isPresent());
        assertEquals(500 * Math.sqrt(2.0) / 3.0, fold.get().radiusPx(), 1e-6);
        assertTrue(fold.get().describe().contains("r = 235.702 px"), fold.get().describe());
    }

    @Test
    void foldBeyondTheVisibleAreaIsAcceptedAndOneJustInsideIsNot() {
        // Same fold at r = 0.4714; a calibration cutoff r² < 0.2 (r < 0.447) ends the visible area before it, a cutoff
        // r² < 0.25 (r < 0.5) just after it.
        RadialFunction folding = new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.5});
        RadialFunction[] g = {folding, folding, folding};
        Fov fov = new Fov(-60, 60, 60, -60);
        LensModel before = uniform("panotools", 400, 450, 500, g, 1.0, 0.2);
        PanelVisibility visibleBefore = PanelVisibility.compute(
                new EyeProfile(Eye.LEFT, 0, W, H, fov, Optional.empty(), before));
        assertTrue(visibleBefore.visibleCount() > 0);
        assertTrue(before.findFold(Channel.GREEN, visibleBefore).isEmpty());

        LensModel after = uniform("panotools", 400, 450, 500, g, 1.0, 0.25);
        PanelVisibility visibleAfter = PanelVisibility.compute(
                new EyeProfile(Eye.LEFT, 0, W, H, fov, Optional.empty(), after));
        Optional<FoldOver> fold = after.findFold(Channel.RED, visibleAfter);
        assertTrue(fold.isPresent());
        assertEquals(Channel.RED, fold.get().channel());
        assertEquals(500 * Math.sqrt(2.0) / 3.0, fold.get().radiusPx(), 1e-6);
    }
}
