package dev.ocular.compositor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monado-service killed in the middle of `ocular run`: the run reports the loss, saves its report for the frames it
 * did and exits in order. Uses a private Monado instance so the rest of the suite keeps its runtime.
 */
@Tag("device")
class RuntimeLossTest {
    @TempDir
    Path dir;

    @Test
    void runtimeKilledMidRunIsReportedAndTheReportIsSaved() throws Exception {
        Path xdg = Files.createDirectory(dir.resolve("xdg"));
        Files.setPosixFilePermissions(xdg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder monadoBuilder = new ProcessBuilder("monado-service").redirectErrorStream(true)
                .redirectOutput(dir.resolve("monado.log").toFile());
        monadoBuilder.environment().putAll(java.util.Map.of("XDG_RUNTIME_DIR", xdg.toString(),
                "XRT_COMPOSITOR_NULL", "1", "XRT_NO_STDIN", "1"));
        Process monado = monadoBuilder.start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Files.exists(xdg.resolve("monado_comp_ipc"))) {
                assertTrue(monado.isAlive(), "monado-service exited: " + Files.readString(dir.resolve("monado.log")));
                assertTrue(System.nanoTime() < deadline, "monado-service did not open its socket");
                Thread.sleep(100);
            }
            Path out = dir.resolve("out");
            ProcessBuilder run = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--frames", "1000000", "--size", "64x48", "--method", "bilinear",
                    "--out", out.toString()));
            run.environment().put("XDG_RUNTIME_DIR", xdg.toString());
            run.environment().put("OCULAR_VALIDATION", "1"); // validation on: any message is echoed as "vulkan: […]"
            run.redirectErrorStream(true);
            Process ocular = run.start();
            StringBuilder log = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(ocular.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                boolean killed = false;
                while ((line = lines.readLine()) != null) {
                    log.append(line).append('\n');
                    if (!killed && line.startsWith("ocular: 50 frames")) {
                        monado.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                        killed = true;
                    }
                }
                assertTrue(killed, "the run never reached 50 frames:\n" + log);
            }
            assertTrue(ocular.waitFor(60, TimeUnit.SECONDS), "ocular did not exit after the runtime died");
            assertEquals(Main.EXIT_FAILURE, ocular.exitValue(), log.toString());
            assertTrue(log.toString().contains("runtime was lost"), log.toString());
            assertTrue(!log.toString().contains("vulkan: ["), "validation messages:\n" + log);
            JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
            assertTrue(report.get("frames_submitted").asInt() >= 50, report.toString());
            assertFalse(report.get("openxr_runtime_lost").isNull(), report.toString());
        } finally {
            monado.destroyForcibly();
        }
    }
}
