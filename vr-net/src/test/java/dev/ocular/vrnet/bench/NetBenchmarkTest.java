package dev.ocular.vrnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.gpu.GpuEnsemble;
import dev.ocular.vrnet.gpu.GpuVrNet;
import dev.ocular.vrnet.model.NetEnsemble;
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

    @Test
    void anEnsembleIsTimedMemberByMemberThenTheMean(GpuContext gpu) {
        NetModel a = NetModel.random(NetSpec.shipped(), 3);
        NetModel b = NetModel.random(NetSpec.shipped(), 4);
        var options = new NetBenchmark.Options(List.of(NetPath.REFERENCE, NetPath.SCALAR, NetPath.COOPMAT), 31, 23,
                2.0, 1, 2, 5);
        BenchmarkResult single = NetBenchmark.run(gpu, a, options);
        BenchmarkResult pair = NetBenchmark.run(gpu, new NetEnsemble(List.of(a, b)), options);
        assertEquals(1, single.members());
        assertEquals(2, pair.members());
        assertEquals(2 * single.macsPerPixel(), pair.macsPerPixel());
        assertTrue(pair.weights().startsWith("ensemble of 2 (outputs averaged); member 1: random (seed 3)"),
                pair.weights());
        for (int p = 0; p < 3; p++) {
            BenchmarkResult.PathResult one = single.paths().get(p);
            BenchmarkResult.PathResult two = pair.paths().get(p);
            List<String> names = two.stages().stream().map(BenchmarkResult.StageResult::name).toList();
            assertEquals(GpuEnsemble.MEAN_STAGE, names.get(names.size() - 1), two.path());
            assertEquals(one.stages().size() + 1, names.size(), two.path());
            assertTrue(two.stages().stream().allMatch(s -> s.medianMicros() > 0), two.toString());
            // Each member stage costs both members' work; the mean reads two outputs and writes one per texel.
            assertEquals(2 * one.stages().get(1).gflop(), two.stages().get(1).gflop(), 1e-12, two.path());
            assertEquals(2.0 * 31 * 23 * 3 * 8 / 1e6, two.stages().get(names.size() - 1).megabytes(), 1e-12);
            assertEquals(0, two.nonFinite(), two.path());
        }
        assertTrue(pair.paths().get(1).nmse() <= GpuEnsemble.NMSE_SCALAR, pair.paths().get(1).toString());
        assertTrue(pair.paths().get(1).maxAbs() <= GpuEnsemble.MAX_ABS_SCALAR, pair.paths().get(1).toString());
        assertTrue(pair.paths().get(2).nmse() <= GpuEnsemble.NMSE_COOPMAT, pair.paths().get(2).toString());
        assertTrue(pair.speedups().containsKey(GpuEnsemble.MEAN_STAGE), pair.speedups().toString());
    }
}
