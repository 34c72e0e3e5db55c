package dev.ocular.distortion.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

/**
 * The built-in profiles against their sources: for random panel points, ocular's texture coordinate (model, then the
 * eye's field of view) must equal the texture coordinate the source driver's own formula gives, written here from the
 * driver code and the driver's constants, not from ocular's JSON.
 */
class BuiltinSourcesTest {
    private static final LensProfiles PROFILES = new LensProfiles();
    private static final double TOLERANCE = 1e-9;

    /** Texture coordinates (u, v down) of one channel at eye-local panel position (x, y). */
    @FunctionalInterface
    private interface Reference {
        double[] uv(Channel channel, double x, double y);
    }

    private static void compare(LensProfile profile, Eye eye, Reference reference) {
        String name = profile.name();
        EyeProfile ep = profile.eye(eye);
        SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + eye.ordinal());
        Vector2d render = new Vector2d();
        for (int i = 0; i < 500; i++) {
            double x = random.nextDouble(0.0, ep.widthPx());
            double y = random.nextDouble(0.0, ep.heightPx());
            for (Channel channel : Channel.values()) {
                ep.model().panelToRender(channel, x, y, render);
                double[] expected = reference.uv(channel, x, y);
                String where = name + " " + eye.jsonName() + " " + channel.jsonName() + " at (" + x + ", " + y + ")";
                assertEquals(expected[0], ep.fov().toU(render.x), TOLERANCE, where + " u");
                assertEquals(expected[1], ep.fov().toV(render.y), TOLERANCE, where + " v");
            }
        }
    }

    /**
     * OpenHMD's universal distortion fragment shader: r = (T·ViewportScale − LensCenter)/WarpScale, then tc =
     * (LensCenter + aberr·r·(d + c|r| + b|r|² + a|r|³)·WarpScale)/ViewportScale, T and tc with t up from the bottom;
     * lens centres and warp scale as OpenHMD's examples set them up from the device properties.
     */
    private static Reference openHmd(Eye eye, int eyeW, int h, double hsize, double vsize, double sep, double vpos,
                                     double[] abcd, double[] aberr) {
        double vw = hsize / 2;
        double leftCenter = vw - sep / 2;
        double rightCenter = sep / 2;
        double warp = Math.max(leftCenter, rightCenter);
        double lx = eye == Eye.LEFT ? leftCenter : rightCenter;
        return (channel, x, y) -> {
            double s = x / eyeW;
            double t = 1.0 - y / h;
            double rx = (s * vw - lx) / warp;
            double ry = (t * vsize - vpos) / warp;
            double m = Math.sqrt(rx * rx + ry * ry);
            double f = abcd[3] + abcd[2] * m + abcd[1] * m * m + abcd[0] * m * m * m;
            double a = aberr[channel.ordinal()];
            double tcS = (lx + a * rx * f * warp) / vw;
            double tcT = (vpos + a * ry * f * warp) / vsize;
            return new double[] {tcS, 1.0 - tcT};
        };
    }

    @Test
    void riftDk1MatchesOpenHmd() {
        LensProfile profile = PROFILES.builtin("rift-dk1");
        for (Eye eye : Eye.values()) {
            compare(profile, eye, openHmd(eye, 640, 800, 0.14976, 0.0936, 0.0635, 0.0468,
                    new double[] {1.003, -1.005, 0.403, 0.599}, new double[] {0.985, 1.0, 1.015}));
        }
    }

    @Test
    void riftDk2MatchesOpenHmd() {
        LensProfile profile = PROFILES.builtin("rift-dk2");
        for (Eye eye : Eye.values()) {
            compare(profile, eye, openHmd(eye, 960, 1080, 0.12576, 0.07074, 0.0635, 0.03537,
                    new double[] {0.247, -0.145, 0.103, 0.795}, new double[] {0.985, 1.0, 1.015}));
        }
    }

    @Test
    void riftCv1MatchesOpenHmd() {
        LensProfile profile = PROFILES.builtin("rift-cv1");
        double hsize = 2160 / 456.0 * 0.0254;
        double vsize = 1200 / 456.0 * 0.0254;
        for (Eye eye : Eye.values()) {
            compare(profile, eye, openHmd(eye, 1080, 1200, hsize, vsize, 0.054, vsize / 2,
                    new double[] {0.098, 0.324, -0.241, 0.819}, new double[] {0.9952420, 1.0, 1.0008074}));
        }
    }

    @Test
    void viveMatchesOpenHmd() {
        LensProfile profile = PROFILES.builtin("vive");
        for (Eye eye : Eye.values()) {
            compare(profile, eye, openHmd(eye, 1080, 1200, 0.122822, 0.068234, 0.056, 0.032,
                    new double[] {1.318397, -1.490242, 0.663824, 0.508021},
                    new double[] {1.00010147892, 1.0, 1.00019614479}));
        }
    }

    /** Monado u_compute_distortion_panotools with psvr_device.c's values (viewport 960 × 1080, the real panel). */
    @Test
    void psvrMatchesMonadoPanotools() {
        LensProfile profile = PROFILES.builtin("psvr");
        double[] k = {0.75, -0.01, 0.75, 0.0, 3.8};
        double[] aberr = {0.999, 1.008, 1.018};
        double vw = 960;
        double vh = 1080;
        double scale = 1.2 * vw;
        Reference monado = (channel, x, y) -> {
            double rx = (x / vw * vw - vw / 2) / scale;
            double ry = (y / vh * vh - vh / 2) / scale;
            double m = Math.sqrt(rx * rx + ry * ry);
            double f = k[0] + k[1] * m + k[2] * m * m + k[3] * m * m * m + k[4] * m * m * m * m;
            double a = aberr[channel.ordinal()];
            return new double[] {(vw / 2 + a * rx * f * scale) / vw, (vh / 2 + a * ry * f * scale) / vh};
        };
        for (Eye eye : Eye.values()) {
            compare(profile, eye, monado);
        }
    }

    /**
     * Monado u_compute_distortion_cardboard with u_distortion_cardboard_calculate's screen/texture set-up: Cardboard v1
     * device parameters (k 0.441, 0.156; lenses 0.060 m apart, 0.042 m from the screen) on a Nexus 5 screen, lens
     * centres bottom aligned 0.035 m up the tray minus the 0.004 m border. Monado's v runs from the bottom; ocular's
     * from the top.
     */
    @Test
    void cardboardV1MatchesMonadoCardboard() {
        double w = 0.110;
        double h = 0.062;
        double ild = 0.060;
        double s2l = 0.042;
        double lensY = 0.035 - 0.004;
        LensProfile profile = PROFILES.builtin("cardboard-v1");
        for (Eye eye : Eye.values()) {
            EyeProfile ep = profile.eye(eye);
            double offsetX = (eye == Eye.LEFT ? (w - ild) / 2 : ild / 2) / s2l;
            double sizeX = w / 2 / s2l;
            double sizeY = h / s2l;
            double offsetY = lensY / s2l;
            double texLeft = -ep.fov().tanLeft();
            double texDown = -ep.fov().tanDown();
            double texW = ep.fov().tanRight() + texLeft;
            double texH = ep.fov().tanUp() + texDown;
            compare(profile, eye, (channel, x, y) -> {
                double u = x / 960.0;
                double v = 1.0 - y / 1080.0;
                double px = u * sizeX - offsetX;
                double py = v * sizeY - offsetY;
                double r2 = px * px + py * py;
                double fact = 1.0 + 0.441 * r2 + 0.156 * r2 * r2;
                return new double[] {(px * fact + texLeft) / texW, 1.0 - (py * fact + texDown) / texH};
            });
        }
    }

    /** ILLIXR hmd.cpp BuildDistortionMeshes: theta = panel metres / 0.037, scaled by the spline and chroma. */
    @Test
    void oculusMobileMatchesIllixr() {
        LensProfile profile = PROFILES.builtin("oculus-mobile-atw");
        double[] knots = {1.0, 1.021, 1.051, 1.086, 1.128, 1.177, 1.232, 1.295, 1.368, 1.452, 1.560};
        double[] chroma = {1.0 - 0.016, 1.0, 1.0 + 0.024};
        double metersWide = 0.11047;
        double metersHigh = 0.06214;
        Reference illixr = (channel, x, y) -> {
            double thetaX = (x - 640.0) * (metersWide / 2560) / 0.037;
            double thetaY = (720.0 - y) * (metersHigh / 1440) / 0.037;
            double rsq = thetaX * thetaX + thetaY * thetaY;
            double scale = illixrSpline(rsq, knots) * chroma[channel.ordinal()];
            // 90° field of view: tan ±1 maps to texture 0..1.
            return new double[] {0.5 + 0.5 * thetaX * scale, 0.5 - 0.5 * thetaY * scale};
        };
        for (Eye eye : Eye.values()) {
            compare(profile, eye, illixr);
        }
    }

    /** ILLIXR's EvaluateCatmullRomSpline, transcribed. */
    private static double illixrSpline(double value, double[] k) {
        int n = k.length;
        double scaled = (n - 1) * value;
        double floor = Math.max(0.0, Math.min(n - 1, Math.floor(scaled)));
        double t = scaled - floor;
        int i = (int) floor;
        double p0;
        double p1;
        double m0;
        double m1;
        if (i == 0) {
            p0 = k[0];
            m0 = k[1] - k[0];
            p1 = k[1];
            m1 = 0.5 * (k[2] - k[0]);
        } else if (i < n - 2) {
            p0 = k[i];
            m0 = 0.5 * (k[i + 1] - k[i - 1]);
            p1 = k[i + 1];
            m1 = 0.5 * (k[i + 2] - k[i]);
        } else if (i == n - 2) {
            p0 = k[i];
            m0 = 0.5 * (k[i + 1] - k[i - 1]);
            p1 = k[i + 1];
            m1 = k[i + 1] - k[i];
        } else {
            p0 = k[i];
            m0 = k[i] - k[i - 1];
            p1 = p0 + m0;
            m1 = m0;
        }
        double omt = 1.0 - t;
        return (p0 * (1.0 + 2.0 * t) + m0 * t) * omt * omt + (p1 * (1.0 + 2.0 * omt) - m1 * omt) * t * t;
    }

    /**
     * Monado u_compute_distortion_vive: texCoord = (2u − 1, (2v − 1)/aspect) − center_c, d = 1/(1 + k1 r² + k2 r⁴ +
     * k3 r⁶), tc = 0.5 + (texCoord·d + center_c)·(0.5, aspect·0.5)/(1 + grow), with the libsurvive driver's unit
     * values.
     */
    @Test
    void valveSampleMatchesMonadoVive() {
        LensProfile profile = PROFILES.builtin("valve-index-sample");
        double[][] centers = {{0.08946027017045266, -0.009002181016260827},
            {-0.08933516629552526, -0.006014565287238661}};
        // coefficients[eye][k index][channel red, green, blue]
        double[][][] k = {
            {{-0.188236068524731, -0.221086205321053, -0.2537849057915209},
             {-0.07316590815739493, -0.02332400789561968, 0.02469959434698275},
             {-0.02223805567703767, -0.04931309279533211, -0.07862881939243466}},
            {{-0.1906209981894497, -0.2248896677207884, -0.2721364516782803},
             {-0.07346071902951497, -0.02189527566250131, 0.0581378652359256},
             {-0.01755850332081247, -0.04517245633373419, -0.0928909347763}}};
        double aspect = 1440.0 / 1600.0;
        double grow = 0.6000000238418579;
        for (Eye eye : Eye.values()) {
            double[] c = centers[eye.ordinal()];
            double[][] ke = k[eye.ordinal()];
            compare(profile, eye, (channel, x, y) -> {
                int ch = channel.ordinal();
                double tx = 2.0 * x / 1440 - 1.0 - c[0];
                double ty = (2.0 * y / 1600 - 1.0) / aspect - c[1];
                double r2 = tx * tx + ty * ty;
                double d = 1.0 / (((r2 * ke[2][ch] + ke[1][ch]) * r2 + ke[0][ch]) * r2 + 1.0);
                return new double[] {0.5 + (tx * d + c[0]) * 0.5 / (1.0 + grow),
                    0.5 + (ty * d + c[1]) * aspect * 0.5 / (1.0 + grow)};
            });
        }
    }
}
