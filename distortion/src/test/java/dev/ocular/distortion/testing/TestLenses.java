package dev.ocular.distortion.testing;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialLensModel;
import java.util.Optional;

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
}
