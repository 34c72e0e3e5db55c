package dev.ocular.vrnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.gpu.GpuVrNet;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

@DeviceTest
class NetBenchmarkTest {

    @Test
    void allPathsAtATinySizeAgreeAndSerialise(GpuContext gpu) throws Exception {
        NetModel model = NetModel.random(NetSpec.shipped(), 3);
        var options = new NetBenchmark.Options(List.of(NetPath.values()), 30, 22, 1.7, 1, 3, 9);
        BenchmarkResult r = NetBenchmark.run(gpu, model, options);
        assertEquals("random (seed 3)", r.weights());
        assertEquals(18, r.inWidth());
        assertEquals(3, r.paths().size());
        List<String> stages = List.of("pack", "conv1", "conv2", "head", "fuse", "refine1", "refine2", "refine3",
                "refine4", GpuVrNet.APPLY_STAGE);
        for (BenchmarkResult.PathResult p : r.paths()) {
            assertEquals(stages,
                    p.stages().stream().map(BenchmarkResult.StageResult::name).toList(), p.path());
            assertTrue(p.totalMicros() > 0 && p.stages().stream().allMatch(s -> s.medianMicros() > 0), p.toString());
            assertEquals(0, p.nonFinite(), p.path());
        }
        assertTrue(r.paths().get(1).nmse() <= GpuVrNet.NMSE_SCALAR, r.paths().get(1).toString());
        assertTrue(r.paths().get(2).nmse() <= GpuVrNet.NMSE_COOPMAT, r.paths().get(2).toString());
        assertTrue(r.paths().get(2).stages().get(1).gflop() > 0);
        List<String> withTotal = new java.util.ArrayList<>(stages);
        withTotal.add("total");
        assertEquals(withTotal, List.copyOf(r.speedups().keySet()));

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
        assertEquals("random (seed 3)", json.get("weights").asText());
        assertEquals("coopmat", json.get("paths").get(2).get("path").asText());
        assertTrue(json.get("paths").get(2).get("stages").get(2).has("tflops"));
    }
}
