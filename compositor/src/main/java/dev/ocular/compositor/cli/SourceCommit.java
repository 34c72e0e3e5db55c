package dev.ocular.compositor.cli;

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
final class SourceCommit {
    private SourceCommit() {
    }

    static String describe() {
        return describe(Path.of("").toAbsolutePath());
    }

    static String describe(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return head(git).orElse("unknown (unreadable HEAD in " + git + ")");
            }
        }
        return "unknown (not run from a git checkout)";
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
