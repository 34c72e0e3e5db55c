package dev.ocular.compositor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.train.CliRun;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `ocular eval` end to end at a tiny size: the JSON every consumer reads, heatmaps, and one-line bad input. */
@Tag("device")
class EvalCommandTest {
    private static final List<String> METHODS = List.of("bilinear", "bicubic", "lanczos", "spatial", "taau",
            "vrnet");

    @Test
    void jsonHasEveryMethodEyeAndMetric(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("random.safetensors");
        NetModel.random(NetSpec.shipped(), 5).save(weights, Tensor.DType.F32);
        Path maps = dir.resolve("maps");
        CliRun r = CliRun.of("eval", "--scenes", "thin-wires", "--size", "66x70", "--frames", "3", "--warmup", "2",
                "--weights", weights.toString(), "--json", "--out", maps.toString(), "--reference", "2");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("warmupFrames").asInt());
        assertEquals(33, json.get("inputWidth").asInt());
        assertTrue(json.get("weights").asText().startsWith("random"), "random weights say so");
        JsonNode scene = json.get("scenes").get(0);
        assertEquals("thin-wires", scene.get("scene").asText());
        for (String m : METHODS) {
            for (String eye : List.of("left", "right")) {
                JsonNode e = scene.get("methods").get(m).get(eye);
                for (String key : List.of("psnr", "psnr_y", "ssim", "flip", "flicker")) {
                    assertTrue(e.get(key).isNumber() && Double.isFinite(e.get(key).asDouble()), m + " " + eye + " "
                            + key + ": " + e);
                    assertTrue(e.get("centre").get(key).isNumber() && e.get("periphery").get(key).isNumber());
                }
                assertPerFrame(e, m + " " + eye);
                assertTrue(Files.size(maps.resolve("thin-wires_" + m + "_" + eye + "_x2.00_flip.png")) > 100);
            }
        }
        assertTrue(json.get("mean").get("taau").get("left").get("psnr").isNumber());
        assertFalse(json.get("mean").get("taau").get("left").has("frames"), "per-frame lists stay with the scenes");
    }

    @Test
    void commaSeparatedWeightsEvaluateTheirEnsemble(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        NetModel.random(NetSpec.shipped(), 5).save(a, Tensor.DType.F32);
        NetModel.random(NetSpec.shipped(), 6).save(b, Tensor.DType.F32);
        double[] psnr = new double[3];
        String[] weights = {a.toString(), b.toString(), a + "," + b};
        String label = null;
        for (int i = 0; i < 3; i++) {
            CliRun r = CliRun.of("eval", "--scenes", "thin-wires", "--size", "66x70", "--frames", "2", "--warmup",
                    "1", "--methods", "vrnet", "--weights", weights[i], "--json", "--reference", "1");
            assertEquals(0, r.exit(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            psnr[i] = json.get("mean").get("vrnet").get("left").get("psnr").asDouble();
            label = json.get("weights").asText();
        }
        assertTrue(label.startsWith("ensemble of 2 (outputs averaged); member 1: random"), label);
        // Two random members err differently, so their mean is scored differently from either (and on such
        // outputs, better than the worse of the two).
        assertTrue(psnr[2] != psnr[0] && psnr[2] != psnr[1] && psnr[2] > Math.min(psnr[0], psnr[1]),
                java.util.Arrays.toString(psnr));
    }

    /** The eye lists every measured frame, numbered after the warm-up, and their mean is the eye's mean. */
    private static void assertPerFrame(JsonNode eye, String what) {
        JsonNode frames = eye.get("frames");
        assertEquals(3, frames.size(), what + ": " + frames);
        for (String key : List.of("psnr", "psnr_y", "flip")) {
            double sum = 0;
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(2 + i, frames.get(i).get("frame").asInt(), what);
                sum += frames.get(i).get(key).asDouble();
            }
            assertEquals(eye.get(key).asDouble(), sum / frames.size(), 1e-9 * Math.abs(sum), what + " " + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--methods bicubic,magic | magic",
        "--scenes thin-wires,atlantis | atlantis",
        "--scale 3.5 | --scale",
        "--scale 0.5 | --scale",
        "--methods vrnet --weights /nonexistent/w.safetensors | /nonexistent/w.safetensors",
        "--motion wobble | wobble"})
    void badInputIsOneLineAndExit2(String args, String named) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("eval", "--size", "32x32", "--frames", "2", "--warmup",
                "0", "--methods", "bicubic"));
        all.addAll(List.of(args.trim().split(" ")));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains(named), r.errorLines().get(0));
    }

    @Test
    void corruptWeightsAreOneLine(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("bad.safetensors");
        Files.write(weights, new byte[] {1, 2, 3});
        CliRun r = CliRun.of("eval", "--size", "32x32", "--frames", "2", "--methods", "vrnet", "--weights",
                weights.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.errorLines().size() == 1 && r.errorLines().get(0).contains("bad.safetensors"), r.err());
    }
}
