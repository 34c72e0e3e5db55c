package dev.ocular.compositor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The source commit a command runs from, for provenance: read from the enclosing git checkout's {@code .git}
 * directory (HEAD, then the branch's loose ref or {@code packed-refs}) — no git binary needed, which the simulated
 * environment does not have. Uncommitted changes cannot be seen this way; the model card says which commit and
 * whether the tree was clean.
 */
public final class SourceCommit {
    private SourceCommit() {
    }

    /**
     * The commit of the checkout ocular runs from: the launcher's {@code -Docular.repo}, else the working directory,
     * or a readable "unknown (…)" saying why there is none.
     */
    public static String describe() {
        Path start = Path.of(System.getProperty("ocular.repo", "")).toAbsolutePath();
        return find(start).orElseGet(() -> "unknown (no readable git checkout at or above " + start + ")");
    }

    /** The HEAD commit of the git checkout at or above {@code start}, if there is one and its HEAD is readable. */
    public static Optional<String> find(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return head(git);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> head(Path git) {
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
            if (!head.startsWith("ref: ")) {
                return Optional.of(head);
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return Optional.of(line.substring(0, line.indexOf(' ')));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + git + " for the source commit", e);
        }
    }
}
