package dev.ocular.gpu.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.vkCmdDispatch;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import org.junit.jupiter.api.Test;

/** Proves the harness can fail: the validation layer is live and its messages reach the log the extension checks. */
@DeviceTest
class HarnessSelfTest {

    @Test
    void validationLayerReportsAnInvalidCommand(GpuContext gpu) {
        assertTrue(gpu.instance().validationEnabled(), "tests must run with the validation layer");
        try (CommandBuffer cb = gpu.commandPool().allocate()) {
            cb.begin();
            vkCmdDispatch(cb.handle(), 1, 1, 1); // no pipeline bound: VUID-vkCmdDispatch-None-08606
            cb.end();
        }
        int reported = gpu.validationLog().count();
        gpu.validationLog().clear(); // the message was expected; don't fail this test for it
        assertTrue(reported > 0, "dispatching without a pipeline produced no validation message");
    }
}
