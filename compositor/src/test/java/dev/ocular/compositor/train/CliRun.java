package dev.ocular.compositor.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs `ocular …` in its own JVM, as a user would, and captures exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        // Drain stderr on its own thread: progress bars can fill the pipe while stdout is being read.
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "ocular " + String.join(" ", args) + " hung");
        return new CliRun(p.exitValue(), out, err.join());
    }

    /** The lines of stderr ocular's error handler printed. */
    public List<String> errorLines() {
        return err.lines().filter(l -> l.startsWith("ocular:")).toList();
    }
}
