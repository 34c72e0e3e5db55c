package dev.ocular.compositor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.train.CliRun;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.vrnet.gpu.GpuVrNet;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ocular bench net` times what ships: by default every shipped member and the mean pass. */
@Tag("device")
class BenchNetCommandTest {

    @Test
    void defaultTimesTheShippedEnsemble() throws Exception {
        JsonNode json = bench("--size", "26x22");
        assertEquals(VrNetModels.SHIPPED_MEMBERS.size(), json.get("members").asInt());
        assertTrue(json.get("weights").asText().startsWith("ensemble of " + VrNetModels.SHIPPED_MEMBERS.size()
                + " (outputs averaged); member 1: trained by"), json.get("weights").asText());
        JsonNode stages = json.get("paths").get(0).get("stages");
        assertEquals("ensemble_mean", stages.get(stages.size() - 1).get("name").asText());
    }

    @Test
    void oneWeightsFileIsOneNetwork(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        NetModel.random(NetSpec.shipped(), 2).save(a, Tensor.DType.F32);
        JsonNode json = bench("--size", "26x22", "--weights", a.toString());
        assertEquals(1, json.get("members").asInt());
        assertEquals("random (seed 2)", json.get("weights").asText());
        JsonNode stages = json.get("paths").get(0).get("stages");
        assertEquals(GpuVrNet.APPLY_STAGE, stages.get(stages.size() - 1).get("name").asText());
    }

    @Test
    void aMissingMemberIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        NetModel.random(NetSpec.shipped(), 2).save(a, Tensor.DType.F32);
        Path missing = dir.resolve("missing.safetensors");
        CliRun r = CliRun.of("bench", "net", "--path", "scalar", "--weights", a + "," + missing);
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("missing.safetensors"), lines.get(0));
    }

    private static JsonNode bench(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "net", "--path", "scalar", "--rounds", "2",
                "--warmup", "1", "--json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}
