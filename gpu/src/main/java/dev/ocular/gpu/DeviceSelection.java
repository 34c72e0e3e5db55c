package dev.ocular.gpu;

import static org.lwjgl.vulkan.VK10.*;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses a physical device: by selector (index, or case-insensitive name substring; from the option, else
 * {@code OCULAR_DEVICE}), otherwise the best qualifying device by type — discrete, integrated, virtual, then CPU
 * (lavapipe) — keeping enumeration order among equals.
 */
public final class DeviceSelection {
    private DeviceSelection() {
    }

    public static DeviceCapabilities choose(List<DeviceCapabilities> devices, String selector) {
        if (devices.isEmpty()) {
            throw new GpuSetupException("no Vulkan device found: install a Vulkan driver (mesa-vulkan-drivers gives the "
                    + "CPU device lavapipe), or run through ./ocular, which uses the simulated environment");
        }
        String wanted = selector != null ? selector : System.getenv("OCULAR_DEVICE");
        if (wanted != null && !wanted.isBlank()) {
            return bySelector(devices, wanted.trim());
        }
        return devices.stream().filter(d -> d.missingRequirements().isEmpty())
                .min(Comparator.comparingInt(d -> typeRank(d.deviceType())))
                .orElseThrow(() -> new GpuSetupException("no Vulkan device qualifies: " + devices.get(0).name()
                        + " lacks " + String.join(", ", devices.get(0).missingRequirements())
                        + "; update the driver (Mesa 26 lavapipe works) or run through ./ocular's simulated environment"));
    }

    private static DeviceCapabilities bySelector(List<DeviceCapabilities> devices, String wanted) {
        DeviceCapabilities found = null;
        if (wanted.matches("\\d+")) {
            int index = Integer.parseInt(wanted);
            if (index >= devices.size()) {
                throw new GpuSetupException("device index " + index + " does not exist (OCULAR_DEVICE/--device); "
                        + devices.size() + " device(s) present");
            }
            found = devices.get(index);
        } else {
            for (DeviceCapabilities d : devices) {
                if (d.name().toLowerCase().contains(wanted.toLowerCase())) {
                    found = d;
                    break;
                }
            }
            if (found == null) {
                throw new GpuSetupException("no Vulkan device name contains '" + wanted + "' (OCULAR_DEVICE/--device); "
                        + "present: " + devices.stream().map(DeviceCapabilities::name).toList());
            }
        }
        if (!found.missingRequirements().isEmpty()) {
            throw new GpuSetupException("device " + found.name() + " lacks "
                    + String.join(", ", found.missingRequirements()) + "; choose another device or update its driver");
        }
        return found;
    }

    private static int typeRank(int type) {
        return switch (type) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> 0;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> 1;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> 2;
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> 3;
            default -> 4;
        };
    }
}
