package dev.ocular.gpu;

/**
 * The machine cannot run ocular's GPU path: no Vulkan loader, no device, or a device without a required feature.
 * The message is one line saying what is missing and what to do; command-line front ends print it and exit with 2.
 */
public final class GpuSetupException extends RuntimeException {
    public GpuSetupException(String message) {
        super(message);
    }

    public GpuSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
