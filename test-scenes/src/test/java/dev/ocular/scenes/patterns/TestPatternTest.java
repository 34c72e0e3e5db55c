package dev.ocular.scenes.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.render.BoxDownsampleReference;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.scene.ColourSpace;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TestPatternTest {
    private static final FovAngles FOV = FovAngles.questLikeLeft();

    private static Optional<FrameBarcode.Reading> read(ImageData image) {
        double[] s = TestPattern.BARCODE_STRIP;
        return FrameBarcode.decode(image, s[0], s[1], s[2], s[3]);
    }

    @ParameterizedTest(name = "frame {0} {1} at {2}x{3}")
    @CsvSource({"0, LEFT, 256, 128", "1, RIGHT, 256, 128", "12345, LEFT, 333, 197", "8388607, RIGHT, 1032, 1104",
        "4242, RIGHT, 96, 64"})
    void barcodeDecodesToTheFrameAndEye(long frame, Eye eye, int w, int h) {
        ImageData image = TestPattern.FRAME_BARCODE.render(eye, w, h, frame, FOV);
        assertEquals(Optional.of(new FrameBarcode.Reading(frame, eye)), read(image));
    }

    @Test
    void barcodeSurvivesDownscalingAndWrapsAtItsModulus() {
        ImageData image = TestPattern.FRAME_BARCODE.render(Eye.LEFT, 640, 360, 777_777, FOV);
        ImageData half = BoxDownsampleReference.downsample(image, 2);
        assertEquals(Optional.of(new FrameBarcode.Reading(777_777, Eye.LEFT)), read(half));
        ImageData wrapped = TestPattern.FRAME_BARCODE.render(Eye.RIGHT, 320, 180,
                FrameBarcode.FRAME_MODULUS + 5, FOV);
        assertEquals(Optional.of(new FrameBarcode.Reading(5, Eye.RIGHT)), read(wrapped));
    }

    @Test
    void decoderRejectsDamagedOrMissingBarcodes() {
        ImageData image = TestPattern.FRAME_BARCODE.render(Eye.LEFT, 320, 160, 1000, FOV);
        // Flip one data cell (bit 5 of the frame) to its opposite: the check must catch it.
        double[] s = TestPattern.BARCODE_STRIP;
        double cell = (s[2] - s[0]) * 320 / FrameBarcode.CELLS;
        int x = (int) (s[0] * 320 + (3 + 17 + 0.5) * cell);
        int y = (int) ((s[1] + s[3]) / 2 * 160);
        float flipped = image.get(x, y, 0) > 0.5f ? 0f : 1f;
        for (int dy = -10; dy <= 10; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                for (int c = 0; c < 3; c++) {
                    image.set(x + dx, y + dy, c, flipped);
                }
            }
        }
        assertEquals(Optional.empty(), read(image), "a flipped bit must fail the check");
        assertEquals(Optional.empty(), read(TestPattern.SIEMENS_STAR.render(Eye.LEFT, 320, 160, 0, FOV)));
    }

    @ParameterizedTest
    @EnumSource(TestPattern.class)
    void everyPatternRendersAtOddSizesWithFiniteLinearValues(TestPattern pattern) {
        for (int[] size : new int[][] {{1, 1}, {37, 23}, {200, 111}}) {
            ImageData image = pattern.render(Eye.RIGHT, size[0], size[1], 3, FOV.mirrored());
            for (float v : image.data()) {
                assertTrue(Float.isFinite(v) && v >= 0 && v <= 1.0001f, pattern + " value " + v);
            }
        }
    }

    @Test
    void eyeIdentificationDiffersBetweenEyes() {
        ImageData left = TestPattern.EYE_ID.render(Eye.LEFT, 120, 100, 0, FOV);
        ImageData right = TestPattern.EYE_ID.render(Eye.RIGHT, 120, 100, 0, FOV.mirrored());
        assertNotEquals(Arrays.hashCode(left.data()), Arrays.hashCode(right.data()));
        // Left is tinted blue, right orange: compare the mean of blue against red.
        assertTrue(mean(left, 2) > mean(left, 0), "left eye should read blue");
        assertTrue(mean(right, 0) > mean(right, 2), "right eye should read orange");
    }

    @Test
    void gridIsCentredOnTheOpticalAxis() {
        FovAngles fov = FovAngles.degrees(-60, 30, 40, -40);
        ImageData grid = TestPattern.GRID.render(Eye.LEFT, 300, 200, 0, fov);
        int cx = (int) (300 * Math.tan(Math.toRadians(60)) / (Math.tan(Math.toRadians(60)) + Math.tan(Math.toRadians(30))));
        // The green crosshair marks the axis; the image centre (150) is far from it for this lopsided frustum.
        assertTrue(grid.get(cx, 100, 1) > 0.9 && grid.get(cx, 100, 0) < 0.2, "crosshair at x=" + cx);
        assertTrue(Math.abs(cx - 150) > 30);
    }

    @Test
    void colourBarsUseSeventyFivePercentBarsAndAnSrgbUniformStepScale() {
        ImageData bars = TestPattern.COLOUR_BARS.render(Eye.LEFT, 160, 90, 0, FOV);
        float hi = (float) ColourSpace.srgbToLinear(0.75);
        assertEquals(hi, bars.get(5, 10, 0), 1e-6);
        assertEquals(hi, bars.get(5, 10, 2), 1e-6);
        assertEquals(0, bars.get(155, 10, 0), 1e-6, "last bar is black");
        assertEquals(ColourSpace.srgbToLinear(0), bars.get(2, 88, 0), 1e-6, "first step black");
        assertEquals(ColourSpace.srgbToLinear(1), bars.get(158, 88, 0), 1e-6, "last step white");
    }

    @Test
    void siemensStarHasBothExtremesAndGreyOutside() {
        ImageData star = TestPattern.SIEMENS_STAR.render(Eye.LEFT, 200, 200, 0, FOV);
        double min = 1;
        double max = 0;
        // Around a circle of radius 80 px the spokes are ~7 px wide: samples hit pure black and pure white.
        for (int i = 0; i < 360; i++) {
            int x = (int) (100 + 80 * Math.cos(Math.toRadians(i)));
            int y = (int) (100 + 80 * Math.sin(Math.toRadians(i)));
            min = Math.min(min, star.get(x, y, 1));
            max = Math.max(max, star.get(x, y, 1));
        }
        assertTrue(min < 0.05 && max > 0.95, "spokes near the rim should be black and white");
        assertEquals(0.5, star.get(2, 2, 1), 1e-6);
    }

    private static double mean(ImageData image, int channel) {
        double sum = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                sum += image.get(x, y, channel);
            }
        }
        return sum / (image.width() * image.height());
    }
}
