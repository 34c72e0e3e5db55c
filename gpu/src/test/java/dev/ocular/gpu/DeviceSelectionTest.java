package dev.ocular.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Device choice rules, on described (not real) devices: no GPU needed. */
class DeviceSelectionTest {

    static DeviceCapabilities device(int index, String name, int type, boolean qualifies) {
        return new DeviceCapabilities(null, index, name, type, 0x10de, 1, VK_MAKE_API_VERSION(0, 1, qualifies ? 3 : 2, 0),
                1, "driver", "info", 32, 32, 32, 1024, 49152, 256, 1f, true, 0, 64, true, true, true, true, true, true,
                true, qualifies, qualifies, true, false, false, qualifies, true, false, List.of(), false, Set.of(), true);
    }

    @Test
    void prefersDiscreteOverCpu() {
        List<DeviceCapabilities> devices = List.of(device(0, "llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, true),
                device(1, "NVIDIA H100", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, true));
        assertEquals("NVIDIA H100", DeviceSelection.choose(devices, null).name());
    }

    @Test
    void selectorByNameOrIndex() {
        List<DeviceCapabilities> devices = List.of(device(0, "llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, true),
                device(1, "NVIDIA H100", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, true));
        assertEquals(0, DeviceSelection.choose(devices, "llvm").index());
        assertEquals(0, DeviceSelection.choose(devices, "0").index());
        GpuSetupException e = assertThrows(GpuSetupException.class, () -> DeviceSelection.choose(devices, "7"));
        assertTrue(e.getMessage().contains("index 7"), e.getMessage());
        e = assertThrows(GpuSetupException.class, () -> DeviceSelection.choose(devices, "radeon"));
        assertTrue(e.getMessage().contains("radeon") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void skipsDevicesMissingRequirementsAndSaysWhatIsMissing() {
        List<DeviceCapabilities> devices = List.of(device(0, "old gpu", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, false),
                device(1, "llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, true));
        assertEquals("llvmpipe", DeviceSelection.choose(devices, null).name());
        GpuSetupException e = assertThrows(GpuSetupException.class,
                () -> DeviceSelection.choose(List.of(devices.get(0)), null));
        assertTrue(e.getMessage().contains("Vulkan 1.3") && e.getMessage().contains("dynamicRendering"),
                e.getMessage());
        e = assertThrows(GpuSetupException.class, () -> DeviceSelection.choose(devices, "old"));
        assertTrue(e.getMessage().contains("old gpu lacks"), e.getMessage());
    }

    @Test
    void noDeviceAtAllIsOneActionableLine() {
        GpuSetupException e = assertThrows(GpuSetupException.class, () -> DeviceSelection.choose(List.of(), null));
        assertTrue(e.getMessage().startsWith("no Vulkan device found") && !e.getMessage().contains("\n"));
    }
}
