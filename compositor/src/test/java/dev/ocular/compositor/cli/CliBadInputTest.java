package dev.ocular.compositor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CLI's exit codes and one-line errors, run as a separate JVM like a user would. */
class CliBadInputTest {

    record Result(int exit, String out, String err) {
    }

    static Result ocular(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ocular " + String.join(" ", args) + " hung");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }

    private static List<String> ocularLines(String err) {
        return err.lines().filter(l -> l.startsWith("ocular:")).toList();
    }

    @Test
    void unknownSubcommandPrintsUsageAndExits2() throws Exception {
        Result r = ocular(Map.of(), "frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Usage: ocular"), r.err());
    }

    @Test
    void unknownFlagPrintsUsageAndExits2() throws Exception {
        Result r = ocular(Map.of(), "info", "--no-such-flag");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option: '--no-such-flag'"), r.err());
    }

    @Test
    void noVulkanDriverIsOneLineWithExit2() throws Exception {
        // Point the loader at a driver manifest that does not exist: the loader then finds no device at all.
        Result r = ocular(Map.of("VK_DRIVER_FILES", "/nonexistent/icd.json", "VK_ICD_FILENAMES",
                "/nonexistent/icd.json"), "info");
        assertEquals(2, r.exit(), r.err());
        List<String> lines = ocularLines(r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("no Vulkan driver found") && lines.get(0).contains("install"),
                lines.get(0));
    }

    @Test
    void unknownDeviceSelectorIsOneLineWithExit2() throws Exception {
        Result r = ocular(Map.of(), "info", "--device", "no-such-gpu");
        assertEquals(2, r.exit(), r.err());
        List<String> lines = ocularLines(r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("no-such-gpu"), lines.get(0));
    }
}
