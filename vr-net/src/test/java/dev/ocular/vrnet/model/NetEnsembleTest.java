package dev.ocular.vrnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetEnsembleTest {
    @Test
    void holdsOneToFourMembers() {
        NetModel m = NetModel.random(NetSpec.shipped(), 1);
        assertEquals(1, NetEnsemble.of(m).size());
        assertEquals(4, new NetEnsemble(Collections.nCopies(4, m)).size());
        for (int n : new int[] {0, 5}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new NetEnsemble(Collections.nCopies(n, m)));
            assertTrue(e.getMessage().contains("1 to 4 members, got " + n), e.getMessage());
        }
    }

    @Test
    void labelIsTheMembersProvenanceNumbered() {
        NetSpec spec = NetSpec.shipped();
        NetModel a = NetModel.of(spec, NetModel.random(spec, 1).allLayers(), meta(spec, "run A"));
        NetModel b = NetModel.of(spec, NetModel.random(spec, 2).allLayers(), meta(spec, "run B"));
        assertEquals("run A", NetEnsemble.of(a).weightsLabel());
        assertEquals("ensemble of 2 (outputs averaged); member 1: run A; member 2: run B",
                new NetEnsemble(List.of(a, b)).weightsLabel());
    }

    @Test
    void loadsEachFileInOrderAndNamesABadOne(@TempDir Path dir) throws Exception {
        NetSpec spec = NetSpec.shipped();
        Path fa = dir.resolve("a.safetensors");
        Path fb = dir.resolve("b.safetensors");
        NetModel.of(spec, NetModel.random(spec, 1).allLayers(), meta(spec, "A")).save(fa, Tensor.DType.F32);
        NetModel.of(spec, NetModel.random(spec, 2).allLayers(), meta(spec, "B")).save(fb, Tensor.DType.F32);
        NetEnsemble e = NetEnsemble.load(List.of(fb, fa));
        assertEquals("B", e.members().get(0).weightsLabel());
        assertEquals("A", e.members().get(1).weightsLabel());
        Path bad = dir.resolve("bad.safetensors");
        Files.writeString(bad, "not a safetensors file");
        var ex = assertThrows(RuntimeException.class, () -> NetEnsemble.load(List.of(fa, bad)));
        assertTrue(ex.getMessage().contains("bad.safetensors"), ex.getMessage());
    }

    private static Map<String, String> meta(NetSpec spec, String provenance) {
        return Map.of(NetModel.META_ARCHITECTURE, spec.architecture(), NetModel.META_VERSION,
                Integer.toString(spec.version()), NetModel.META_PROVENANCE, provenance);
    }
}
