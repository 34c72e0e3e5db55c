package dev.ocular.distortion.testing;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.Channel;
import dev.ocular.distortion.model.BrownConradyModel;
import dev.ocular.distortion.model.GridLensModel;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialLensModel;
import java.util.Optional;
import org.joml.Vector2d;

/** Small synthetic profiles built in code, so mesh and pass tests run in milliseconds. */
public final class TestLenses {
    private TestLenses() {
    }

    /**
     * A DK1-like Panotools lens (OpenHMD's DK1 coefficients and aberration) on a {@code width}×{@code height} eye,
     * lens centre offset towards the nose, render image = the viewport in the undistorted plane.
     */
    public static LensProfile dk1Like(int width, int height) {
        return new LensProfile("dk1-like", "DK1-like test lens", "test", "test:dk1-like", 2 * width, height,
                dk1Eye(Eye.LEFT, width, height), dk1Eye(Eye.RIGHT, width, height));
    }

    private static EyeProfile dk1Eye(Eye eye, int width, int height) {
        double cx = eye == Eye.LEFT ? 0.576 * width : 0.424 * width;
        double cy = 0.5 * height;
        double warp = Math.max(cx, width - cx);
        double focal = 0.95 * warp;
        double[] k = {0.599, 0.403, -1.005, 1.003};
        double[] chroma = {0.985, 1.0, 1.015};
        RadialChannel[] ch = new RadialChannel[3];
        for (int c = 0; c < 3; c++) {
            ch[c] = RadialChannel.centred(cx, cy, warp, warp, new PolynomialRadial(chroma[c], k), warp / focal,
                    warp / focal);
        }
        LensModel model = new RadialLensModel("panotools", ch[0], ch[1], ch[2], Double.POSITIVE_INFINITY, width,
                height);
        Fov fov = Fov.fromTangents(-cx / focal, (width - cx) / focal, cy / focal, -cy / focal);
        return new EyeProfile(eye, eye == Eye.LEFT ? 0 : width, width, height, fov, Optional.empty(), model);
    }

    /**
     * No distortion at all: render direction = (panel − centre)/focal, and a field of view exactly covering the
     * viewport, so panel pixel (i, j) samples render texel (i, j) of an image of the viewport's size.
     */
    public static LensProfile identity(int width, int height) {
        return new LensProfile("identity", "No lens", "test", "test:identity", 2 * width, height,
                identityEye(Eye.LEFT, width, height), identityEye(Eye.RIGHT, width, height));
    }

    private static EyeProfile identityEye(Eye eye, int width, int height) {
        double focal = 0.6 * width;
        RadialChannel ch = RadialChannel.centred(0.5 * width, 0.5 * height, focal, focal,
                new PolynomialRadial(1.0, new double[] {1.0}), 1.0, 1.0);
        LensModel model = new RadialLensModel("radial_polynomial", ch, ch, ch, Double.POSITIVE_INFINITY, width,
                height);
        Fov fov = Fov.fromTangents(-0.5 * width / focal, 0.5 * width / focal, 0.5 * height / focal,
                -0.5 * height / focal);
        return new EyeProfile(eye, eye == Eye.LEFT ? 0 : width, width, height, fov, Optional.empty(), model);
    }

    /**
     * A Cardboard-like Brown–Conrady lens with tangential terms (p1, p2) and chromatic scale: a two-dimensional model,
     * not radially symmetric, with a field of view a little inside the distorted viewport edge.
     */
    public static LensProfile tangential(int width, int height) {
        return new LensProfile("tangential", "Brown–Conrady with tangential terms", "test", "test:tangential",
                2 * width, height, tangentialEye(Eye.LEFT, width, height), tangentialEye(Eye.RIGHT, width, height));
    }

    private static EyeProfile tangentialEye(Eye eye, int width, int height) {
        double cx = eye == Eye.LEFT ? 0.55 * width : 0.45 * width;
        double cy = 0.48 * height;
        double focal = 0.7 * Math.max(width, height);
        LensModel model = new BrownConradyModel(cx, cy, focal, focal, new double[] {0.22, 0.05}, 0.004, -0.003,
                new double[] {0.99, 1.0, 1.012}, width, height);
        return new EyeProfile(eye, eye == Eye.LEFT ? 0 : width, width, height, coveringFov(model, width, height),
                Optional.empty(), model);
    }

    /**
     * A measured-grid lens: {@link #tangential}'s directions sampled on a {@code columns}×{@code rows} grid of panel
     * positions covering the viewport, as a per-unit calibration file would give them.
     */
    public static LensProfile measuredGrid(int width, int height, int columns, int rows) {
        LensProfile source = tangential(width, height);
        return new LensProfile("measured-grid", "Measured grid", "test", "test:measured-grid", 2 * width, height,
                gridEye(source.eye(Eye.LEFT), columns, rows), gridEye(source.eye(Eye.RIGHT), columns, rows));
    }

    private static EyeProfile gridEye(EyeProfile source, int columns, int rows) {
        double spacingX = (double) source.widthPx() / (columns - 1);
        double spacingY = (double) source.heightPx() / (rows - 1);
        double[][][] nodes = new double[3][2][columns * rows];
        Vector2d render = new Vector2d();
        for (Channel channel : Channel.values()) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    source.model().panelToRender(channel, i * spacingX, j * spacingY, render);
                    nodes[channel.ordinal()][0][j * columns + i] = render.x;
                    nodes[channel.ordinal()][1][j * columns + i] = render.y;
                }
            }
        }
        LensModel model = new GridLensModel(0.0, 0.0, spacingX, spacingY, columns, rows, nodes);
        return new EyeProfile(source.eye(), source.viewportX(), source.widthPx(), source.heightPx(), source.fov(),
                Optional.empty(), model);
    }

    // 90 % of the green channel's reach along the axes through the viewport centre: most of the viewport visible.
    private static Fov coveringFov(LensModel model, int width, int height) {
        Vector2d a = model.panelToRender(Channel.GREEN, 0.0, 0.5 * height, new Vector2d());
        Vector2d b = model.panelToRender(Channel.GREEN, width, 0.5 * height, new Vector2d());
        Vector2d c = model.panelToRender(Channel.GREEN, 0.5 * width, 0.0, new Vector2d());
        Vector2d d = model.panelToRender(Channel.GREEN, 0.5 * width, height, new Vector2d());
        return Fov.fromTangents(0.9 * a.x, 0.9 * b.x, 0.9 * c.y, 0.9 * d.y);
    }
}
