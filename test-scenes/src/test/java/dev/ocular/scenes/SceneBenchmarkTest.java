package dev.ocular.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@DeviceTest
class SceneBenchmarkTest {
    @Test
    void reportsPerEyeGpuTimesAsJson(GpuContext gpu) throws Exception {
        SceneBenchmark.Report report = new SceneBenchmark(SceneCatalog.builtIn()).run(gpu,
                new SceneBenchmark.Options(List.of("particles", "corridor"), 32, 24, 3, 1, 2, 16, 12));
        assertEquals(2, report.scenes().size());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        for (JsonNode scene : json.get("scenes")) {
            for (String eye : new String[] {"left", "right"}) {
                assertTrue(scene.get("eyeMs").get(eye).asDouble() > 0, scene + " " + eye);
            }
            assertTrue(scene.get("referenceMs").asDouble() > 0, scene.toString());
            assertTrue(!gpu.capabilities().multiview() || scene.get("multiviewMs").asDouble() > 0, scene.toString());
        }
        assertEquals(gpu.capabilities().name(), json.get("device").asText());
        assertEquals(3.0, SceneBenchmark.median(new double[] {5, 1, 3}));
        assertEquals(2.5, SceneBenchmark.median(new double[] {4, 1, 3, 2}));
    }
}
