package dev.ocular.compositor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading HEAD without a git binary: detached, loose ref, packed ref, and no checkout at all. */
class SourceCommitTest {
    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "89abcdef0123456789abcdef0123456789abcdef";

    @Test
    void readsDetachedLooseAndPackedHeadsFromBelowTheCheckout(@TempDir Path repo) throws Exception {
        Path git = Files.createDirectories(repo.resolve(".git"));
        Path below = Files.createDirectories(repo.resolve("compositor/target"));
        Files.writeString(git.resolve("HEAD"), A + "\n");
        assertEquals(Optional.of(A), SourceCommit.find(below));

        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + B + " refs/heads/main\n");
        assertEquals(Optional.of(B), SourceCommit.find(below));

        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), A + "\n");
        assertEquals(Optional.of(A), SourceCommit.find(below), "a loose ref wins over packed-refs");

        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/other\n");
        assertTrue(SourceCommit.find(below).isEmpty(), "a branch with no ref has no commit");
    }

    @Test
    void noCheckoutMeansNoCommit(@TempDir Path dir) {
        assertTrue(SourceCommit.find(dir).isEmpty(), "the temporary directory is in no checkout");
    }
}
