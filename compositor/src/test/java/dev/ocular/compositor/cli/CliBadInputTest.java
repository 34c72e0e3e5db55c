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

    @org.junit.jupiter.params.ParameterizedTest(name = "run {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--scene no-such-scene | no-such-scene",
            "--sink hologram | hologram",
            "--preset left=quality,right=insane | insane",
            "--method vrnet2 | vrnet2",
            "--lens no-such-lens --sink panel | no-such-lens",
            "--size 0x480 | --size",
            "--size 640 | --size",
            "--frames 0 | --frames",
            "--preset 3.5 | outside [1, 3]",
            "--weights /nonexistent/w.safetensors --method vrnet | /nonexistent/w.safetensors"})
    void runRejectsBadInputWithOneLineAndExit2(String args, String named) throws Exception {
        Result r = ocular(Map.of(), ("run --frames 5 " + args).replace("--frames 5 --frames 0", "--frames 0")
                .split(" "));
        assertEquals(2, r.exit(), r.err());
        List<String> lines = ocularLines(r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(named), lines.get(0));
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
