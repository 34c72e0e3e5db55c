package dev.ocular.vrnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.testing.DeviceTest;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DeviceTest
class NetPathTest {

    @Test
    void parsesIgnoringCaseAndSpaceAndNamesTheSourceOfABadValue() {
        assertEquals(NetPath.COOPMAT, NetPath.parse(" CoopMat ", "x"));
        var e = assertThrows(dev.ocular.gpu.BadInputException.class, () -> NetPath.parse("tensor", NetPath.ENV));
        assertEquals("OCULAR_NET_PATH: unknown vr-net path 'tensor' (expected reference, scalar or coopmat)",
                e.getMessage());
    }

    @Test
    void explicitChoiceBeatsEnvironmentBeatsDevice(GpuContext gpu) throws Exception {
        DeviceCapabilities caps = gpu.capabilities();
        assertTrue(caps.canRunFp16CoopMat(), "the sim's lavapipe offers fp16 coopmat");
        // lavapipe is a CPU device: its cooperative matrices are emulated and slower, so scalar is the default there.
        assertEquals(NetPath.SCALAR, NetPath.choose(caps));
        assertEquals(NetPath.COOPMAT, NetPath.choose(withField(caps, "deviceType",
                org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU)));
        assertEquals(NetPath.SCALAR, NetPath.resolve(null, Map.of(), caps));
        assertEquals(NetPath.COOPMAT, NetPath.resolve(null, Map.of(NetPath.ENV, "coopmat"), caps));
        assertEquals(NetPath.SCALAR, NetPath.resolve(null, Map.of(NetPath.ENV, "scalar"), caps));
        assertEquals(NetPath.REFERENCE, NetPath.resolve("reference", Map.of(NetPath.ENV, "scalar"), caps));
    }

    @Test
    void deviceWithoutCoopMatGetsScalarAndRefusesAForcedCoopMat(GpuContext gpu) throws Exception {
        DeviceCapabilities without = withField(gpu.capabilities(), "cooperativeMatrix", false);
        assertEquals(NetPath.SCALAR, NetPath.choose(without));
        var e = assertThrows(dev.ocular.gpu.BadInputException.class,
                () -> NetPath.resolve(null, Map.of(NetPath.ENV, "coopmat"), without));
        assertTrue(e.getMessage().contains("cannot run fp16 cooperative matrices"), e.getMessage());
    }

    /** A copy of a record with one component replaced, through its canonical constructor. */
    static DeviceCapabilities withField(DeviceCapabilities caps, String name, Object value) throws Exception {
        RecordComponent[] components = DeviceCapabilities.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(caps);
        }
        return DeviceCapabilities.class.getDeclaredConstructor(types).newInstance(args);
    }
}
