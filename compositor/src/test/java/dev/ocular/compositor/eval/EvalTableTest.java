package dev.ocular.compositor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.eval.EvalReport.EyeMetrics;
import dev.ocular.compositor.eval.EvalReport.RegionMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scene means and the margins line: plain arithmetic, checked on made-up numbers. */
class EvalTableTest {
    private static EyeMetrics metrics(double psnr, double flip, double flicker) {
        RegionMetrics r = new RegionMetrics(psnr, psnr, 0.9, flip, flicker);
        return new EyeMetrics(psnr, psnr + 0.5, 0.9, flip, flicker, r, r, null);
    }

    private static EvalReport.SceneResult scene(String name, double vrnet, double taau, double bicubic) {
        Map<String, Map<String, EyeMetrics>> methods = new LinkedHashMap<>();
        methods.put("bicubic", Map.of("left", metrics(bicubic, 0.05, 0.01), "right", metrics(bicubic, 0.05, 0.01)));
        methods.put("taau", Map.of("left", metrics(taau, 0.03, 0.005), "right", metrics(taau, 0.03, 0.005)));
        methods.put("vrnet", Map.of("left", metrics(vrnet, 0.02, 0.004), "right", metrics(vrnet, 0.02, 0.004)));
        return new EvalReport.SceneResult(name, "static", 0, methods);
    }

    @Test
    void meansAverageScenesAndMarginsCompareWithBicubicAndTaau() {
        List<EvalReport.SceneResult> scenes = List.of(scene("a", 40, 38, 34), scene("b", 30, 29, 26));
        Map<String, Map<String, EyeMetrics>> mean = EvalRunner.mean(scenes);
        assertEquals(35.0, mean.get("vrnet").get("left").psnr(), 1e-12);
        assertEquals(33.5, mean.get("taau").get("right").psnr(), 1e-12);
        assertEquals(35.5, mean.get("vrnet").get("left").psnrY(), 1e-12);
        EvalReport report = new EvalReport("how", 2, 0, 16, 16, 100, 100, 50, 50, 4, 10, "w", "scalar", scenes, mean);
        String text = EvalTable.format(report);
        assertTrue(text.contains("vrnet, left eye: PSNR +5.00 dB vs bicubic; PSNR +1.50 dB, FLIP -0.0100"), text);
        assertTrue(text.contains("mean over 2 scenes"), text);
    }
}
