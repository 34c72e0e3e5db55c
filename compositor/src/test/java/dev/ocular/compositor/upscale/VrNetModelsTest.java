package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The build ships every member the training recipe writes, each saying which member it is, under the shipped spec. */
class VrNetModelsTest {
    @Test
    void theShippedEnsembleHasEveryMemberInOrder() {
        NetEnsemble shipped = VrNetModels.shipped().orElseThrow();
        int n = VrNetModels.SHIPPED_MEMBERS.size();
        assertEquals(n, shipped.size());
        for (int i = 0; i < n; i++) {
            NetModel m = shipped.members().get(i);
            assertEquals(NetSpec.shipped(), m.spec());
            if (n > 1) {
                assertEquals((i + 1) + " of " + n, m.metadata().get("ocular.ensembleMember"), "member " + (i + 1));
                assertTrue(m.weightsLabel().endsWith("; ensemble member " + (i + 1) + " of " + n), m.weightsLabel());
            }
        }
        if (n > 1) {
            assertNotEquals(Arrays.toString(shipped.members().get(0).layers().get(0).weight()),
                    Arrays.toString(shipped.members().get(1).layers().get(0).weight()), "members are distinct");
            assertTrue(shipped.weightsLabel().startsWith("ensemble of " + n), shipped.weightsLabel());
        }
    }
}
