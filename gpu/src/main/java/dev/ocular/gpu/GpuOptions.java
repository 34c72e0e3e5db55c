package dev.ocular.gpu;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a {@link GpuContext}.
 *
 * @param applicationName shown to drivers and tools
 * @param validation      enable VK_LAYER_KHRONOS_validation (tests always do)
 * @param syncValidation  also enable its synchronization validation (VK_EXT_layer_settings {@code validate_sync})
 * @param deviceSelector  which physical device: a name substring or an index; null means the environment variable
 *                        {@code OCULAR_DEVICE}, else the best discrete GPU, else the first device (lavapipe here)
 * @param spirvCache      directory for compiled SPIR-V, or null for no disk cache
 * @param bootstrap       who creates the instance and device (plain Vulkan, or an OpenXR runtime)
 */
public record GpuOptions(String applicationName, boolean validation, boolean syncValidation, String deviceSelector,
        Path spirvCache, VulkanBootstrap bootstrap) {

    public GpuOptions {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(bootstrap, "bootstrap");
    }

    /** Defaults for applications: no validation unless {@code OCULAR_VALIDATION=1}, disk cache in the user cache dir. */
    public static GpuOptions defaults(String applicationName) {
        boolean validation = "1".equals(System.getenv("OCULAR_VALIDATION"));
        return new GpuOptions(applicationName, validation, validation, null, defaultSpirvCache(),
                VulkanBootstrap.DIRECT);
    }

    /** Defaults for tests: validation with synchronization checks on. */
    public static GpuOptions forTests() {
        return new GpuOptions("ocular-tests", true, true, null, defaultSpirvCache(), VulkanBootstrap.DIRECT);
    }

    public static Path defaultSpirvCache() {
        String override = System.getenv("OCULAR_SPIRV_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ocular").resolve("spirv");
    }

    public GpuOptions withBootstrap(VulkanBootstrap newBootstrap) {
        return new GpuOptions(applicationName, validation, syncValidation, deviceSelector, spirvCache, newBootstrap);
    }

    public GpuOptions withDeviceSelector(String selector) {
        return new GpuOptions(applicationName, validation, syncValidation, selector, spirvCache, bootstrap);
    }

    public GpuOptions withValidation(boolean enabled) {
        return new GpuOptions(applicationName, enabled, enabled && syncValidation, deviceSelector, spirvCache,
                bootstrap);
    }
}
