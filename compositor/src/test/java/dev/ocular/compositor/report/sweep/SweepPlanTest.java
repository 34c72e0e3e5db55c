package dev.ocular.compositor.report.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.TuningOptions;
import dev.ocular.gpu.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    static final TuningOptions OPTIONS = new TuningOptions(
            List.of("native", "quality", "balanced", "performance", "ultra-performance"),
            List.of("vrnet", "taau", "bicubic", "lanczos"), List.of("valve-index", "quest-3"), 0, 1,
            List.of("sponza-lite", "checker"));
    static final List<SweepKey> KEYS = SweepKeys.from(OPTIONS);

    @Test
    void cartesianProductFirstAxisOutermost() {
        SweepPlan plan = SweepPlan.parse(List.of("preset=quality,balanced,performance", "method=vrnet,TAAU,bicubic"),
                KEYS);
        List<SweepPoint> points = plan.points();
        assertEquals(9, plan.size());
        assertEquals(9, points.size());
        assertEquals(Map.of("preset", "quality", "method", "vrnet"), points.get(0).settings());
        assertEquals(Map.of("preset", "quality", "method", "taau"), points.get(1).settings(),
                "case-insensitive, canonical spelling");
        assertEquals(Map.of("preset", "balanced", "method", "vrnet"), points.get(3).settings());
        assertEquals(Map.of("preset", "performance", "method", "bicubic"), points.get(8).settings());
        assertEquals("preset=performance method=bicubic", points.get(8).label());
        assertEquals("008_preset-performance_method-bicubic", points.get(8).slug());
        for (int i = 0; i < 9; i++) {
            assertEquals(i, points.get(i).index());
        }
    }

    @Test
    void perEyeKeysResolvePerEye() {
        SweepPlan plan = SweepPlan.parse(List.of("preset.left=quality", "preset.right=performance,ultra-performance",
                "method=vrnet", " sharpening = 0.50 , .25 "), KEYS);
        List<SweepPoint> points = plan.points();
        assertEquals(4, points.size());
        SweepPoint p = points.get(3);
        assertEquals(Optional.of("quality"), p.value("preset", StereoEye.LEFT));
        assertEquals(Optional.of("ultra-performance"), p.value("preset", StereoEye.RIGHT));
        assertEquals(Optional.of("vrnet"), p.value("method", StereoEye.RIGHT), "both-eye key applies to each eye");
        assertEquals(Optional.of("0.25"), p.value("sharpening", StereoEye.LEFT), "numbers in one spelling");
        assertEquals(Optional.of("0.5"), points.get(0).value("sharpening", StereoEye.LEFT));
        assertEquals(Optional.empty(), p.value("lens"));
    }

    @Test
    void noSpecsIsOneBaselineConfiguration() {
        List<SweepPoint> points = SweepPlan.parse(List.of(), KEYS).points();
        assertEquals(1, points.size());
        assertEquals("baseline", points.get(0).label());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "preset                          | expected KEY=VALUE1,VALUE2",
        "=quality                        | expected KEY=VALUE1,VALUE2",
        "resolution=1,2                  | unknown key 'resolution'",
        "preset=quality,,performance     | empty value",
        "preset=                         | empty value",
        "preset=quality,insane           | 'insane' is not a preset",
        "method=vrnet,dlss               | 'dlss' is not a method",
        "preset=quality,Quality          | listed twice",
        "sharpening=2                    | not a sharpening",
        "sharpening=0.5x                 | not a sharpening",
        "sharpening=NaN                  | not a sharpening",
        "preset.middle=quality           | unknown eye 'middle'",
        "lens.left=valve-index           | applies to both eyes",
        "scene=sponza-lite,moon          | 'moon' is not a scene",
    })
    void badSpecsAreOneLineBadInput(String spec, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> SweepPlan.parse(List.of(spec), KEYS));
        assertTrue(e instanceof SweepSpecException);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("--sweep '"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void conflictingAxesAreRejected() {
        assertTrue(assertThrows(SweepSpecException.class, () -> SweepPlan.parse(
                List.of("preset=quality", "preset=performance"), KEYS)).getMessage().contains("swept twice"));
        assertTrue(assertThrows(SweepSpecException.class, () -> SweepPlan.parse(
                List.of("preset=quality", "preset.left=performance"), KEYS)).getMessage().contains("same eye"));
        assertEquals(4, SweepPlan.parse(List.of("preset.left=quality,native", "preset.right=quality,native"), KEYS)
                .size(), "left and right separately is fine");
    }

    @Test
    void tooManyConfigurationsIsRejected() {
        String many = "sharpening=" + String.join(",", java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "0." + String.format("%03d", i * 9)).toList());
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> SweepPlan.parse(
                List.of(many, "preset=native,quality,balanced,performance,ultra-performance",
                        "method=vrnet,taau,bicubic"), KEYS));
        assertTrue(e.getMessage().contains("more than " + SweepPlan.MAX_CONFIGURATIONS), e.getMessage());
    }

    @Test
    void keysWithoutLensesOrScenesDoNotOfferThem() {
        List<SweepKey> keys = SweepKeys.from(new TuningOptions(List.of("native"), List.of("bicubic"), List.of(), 0,
                1, List.of()));
        assertTrue(assertThrows(SweepSpecException.class, () -> SweepPlan.parse(List.of("lens=valve-index"), keys))
                .getMessage().contains("unknown key 'lens'"));
    }
}
