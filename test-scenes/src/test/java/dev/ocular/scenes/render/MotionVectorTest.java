package dev.ocular.scenes.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.scene.Scene;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Warping frame N−1 by frame N's motion vectors must reproduce frame N wherever the surface was visible in both.
 *
 * <p>Stated error: over the moving pixels (|vector| ≥ 0.5 px) judged non-disoccluded, the mean absolute colour error after warping is below 2 %
 * of the mean colour and the 95th percentile below 8 %; the same warp with zero vectors must be at least 3× worse
 * (so the check can fail), and enough pixels must qualify (40 % of the image under camera motion, 1 % — the
 * sphere — under object motion). A pixel qualifies when its reprojected position
 * lies 2 px inside the image, its 3×3 neighbourhood has consistent vectors (not on a motion edge), and frame N−1's
 * vector at the reprojected position matches (the same surface, constant velocity — a disoccluded pixel lands on
 * the occluder instead, whose vector differs).
 */
@DeviceTest
class MotionVectorTest {
    private static final int W = 128;
    private static final int H = 112;

    @ParameterizedTest(name = "{0}, sphere {1} m/s, {2} fps")
    @CsvSource({"FAST_YAW, 0, 90, 0.4", "TRANSLATION, 0, 15, 0.4", "NOD, 0, 30, 0.4", "STATIC, 6, 30, 0.01",
        "SLOW_PAN, 9, 45, 0.01"})
    void warpingThePreviousFrameReproducesTheCurrent(HeadMotion motion, float sphereSpeed, double fps,
            double minMoving, GpuContext gpu) {
        Scene scene = SmoothScene.build(sphereSpeed);
        ScriptedViews views = SmoothScene.views(scene, motion, fps);
        RenderSettings settings = RenderSettings.stereo(W, H, 1).withJitter(false);
        long n = 7;
        try (SceneRenderer renderer = SceneRenderer.create(gpu, scene)) {
            for (Eye eye : Eye.values()) {
                GBufferData previous = GBufferReadback.read(gpu, renderer.render(views.frame(n - 1), settings).eye(eye));
                GBufferData current = GBufferReadback.read(gpu, renderer.render(views.frame(n), settings).eye(eye));
                String where = motion + " sphere " + sphereSpeed + " " + eye.id();
                double[] warped = warpError(previous, current, false);
                double[] still = warpError(previous, current, true);
                double maxMotion = maxMotion(current.motion());
                assertTrue(maxMotion > 1.5, where + ": too little motion to test (" + maxMotion + " px)");
                assertTrue(warped[2] >= minMoving, where + ": only " + warped[2] + " of pixels moved and qualified");
                assertTrue(warped[0] < 0.02, where + ": mean warp error " + warped[0]);
                assertTrue(warped[1] < 0.08, where + ": 95th percentile warp error " + warped[1]);
                assertTrue(still[0] > 3 * warped[0], where + ": zero vectors (" + still[0]
                        + ") are not clearly worse than the real ones (" + warped[0] + ")");
            }
        }
    }

    private static double maxMotion(ImageData mv) {
        double max = 0;
        for (int i = 0; i < mv.width() * mv.height(); i++) {
            max = Math.max(max, Math.hypot(mv.data()[2 * i], mv.data()[2 * i + 1]));
        }
        return max;
    }

    /** {mean relative error, 95th percentile relative error, fraction of the image that moved and qualified}. */
    static double[] warpError(GBufferData previous, GBufferData current, boolean ignoreVectors) {
        ImageData mv = current.motion();
        ImageData mvPrev = previous.motion();
        double[] errors = new double[W * H];
        int count = 0;
        double colourSum = 0;
        for (int y = 1; y < H - 1; y++) {
            for (int x = 1; x < W - 1; x++) {
                float dx = mv.get(x, y, 0);
                float dy = mv.get(x, y, 1);
                // Only moving pixels: still ones would pass with any vectors and dilute the statistic.
                if (Math.hypot(dx, dy) < 0.5 || !consistentNeighbourhood(mv, x, y, dx, dy)) {
                    continue;
                }
                double qx = x + 0.5 + dx;
                double qy = y + 0.5 + dy;
                if (qx < 2 || qy < 2 || qx > W - 2 || qy > H - 2) {
                    continue;
                }
                int px = (int) Math.floor(qx);
                int py = (int) Math.floor(qy);
                if (Math.abs(mvPrev.get(px, py, 0) - dx) > 0.5 || Math.abs(mvPrev.get(px, py, 1) - dy) > 0.5) {
                    continue;
                }
                double sx = ignoreVectors ? x + 0.5 : qx;
                double sy = ignoreVectors ? y + 0.5 : qy;
                double err = 0;
                for (int c = 0; c < 3; c++) {
                    err += Math.abs(bilinear(previous.colour(), sx, sy, c) - current.colour().get(x, y, c));
                    colourSum += current.colour().get(x, y, c);
                }
                errors[count++] = err;
            }
        }
        double[] used = Arrays.copyOf(errors, count);
        Arrays.sort(used);
        double meanColour = colourSum / Math.max(1, count);
        double mean = Arrays.stream(used).average().orElse(Double.NaN);
        double p95 = count == 0 ? Double.NaN : used[(int) (0.95 * (count - 1))];
        return new double[] {mean / meanColour, p95 / meanColour, (double) count / (W * H)};
    }

    private static boolean consistentNeighbourhood(ImageData mv, int x, int y, float dx, float dy) {
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                if (Math.abs(mv.get(x + i, y + j, 0) - dx) > 0.5 || Math.abs(mv.get(x + i, y + j, 1) - dy) > 0.5) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Bilinear sample at continuous position (x, y) (pixel centres at +0.5), clamped at the edges. */
    static double bilinear(ImageData image, double x, double y, int c) {
        double fx = x - 0.5;
        double fy = y - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        double top = image.clamped(x0, y0, c) * (1 - ax) + image.clamped(x0 + 1, y0, c) * ax;
        double bottom = image.clamped(x0, y0 + 1, c) * (1 - ax) + image.clamped(x0 + 1, y0 + 1, c) * ax;
        return top * (1 - ay) + bottom * ay;
    }
}
