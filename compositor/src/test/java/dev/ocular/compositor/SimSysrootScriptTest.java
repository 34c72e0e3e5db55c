package dev.ocular.compositor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sysroot's bookkeeping (stamp check, removal of interrupted builds), exercised without building a sysroot. */
class SimSysrootScriptTest {
    @Test
    void stampAndInterruptedBuildHandling() throws Exception {
        Path repo = Path.of(System.getProperty("ocular.repo", "..")).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", repo.resolve("tools/sim/selftest.sh").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
    }
}
