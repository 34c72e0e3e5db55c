package dev.ocular.compositor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host a run happened on, as far as the JVM can tell without a GPU: JVM, OS and CPU model.
 *
 * @param cpu the CPU model name (Linux {@code /proc/cpuinfo} "model name") or the architecture when unknown
 */
public record HostFacts(String jvm, String os, String cpu, int cpuThreads) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** Reads the facts of the machine this JVM runs on. */
    public static HostFacts detect() {
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new HostFacts(jvm, os, cpuModel(), Runtime.getRuntime().availableProcessors());
    }

    private static String cpuModel() {
        String arch = System.getProperty("os.arch");
        if (!Files.isReadable(CPUINFO)) {
            return arch;
        }
        try {
            List<String> lines = Files.readAllLines(CPUINFO);
            for (String line : lines) {
                // x86 says "model name", some ARM kernels only "Hardware" or "CPU part"; take the first that names it.
                if (line.startsWith("model name") || line.startsWith("Hardware")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? arch : line.substring(colon + 1).strip();
                }
            }
            return arch;
        } catch (IOException e) {
            // The CPU name is a label in a report; a kernel that hides cpuinfo must not fail the run, but say so.
            return arch + " (cpuinfo unreadable: " + e.getMessage() + ")";
        }
    }
}
