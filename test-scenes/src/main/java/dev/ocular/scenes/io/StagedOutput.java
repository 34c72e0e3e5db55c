package dev.ocular.scenes.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * All-or-nothing output: files are written into a hidden staging directory inside the destination and moved into
 * place only by {@link #commit()}. Closing without committing deletes the staging directory, so a failed render
 * leaves no partial files behind. Each move is atomic where the file system allows.
 */
public final class StagedOutput implements AutoCloseable {
    private final Path destination;
    private final Path staging;
    private final List<String> names = new ArrayList<>();
    private boolean finished;

    private StagedOutput(Path destination, Path staging) {
        this.destination = destination;
        this.staging = staging;
    }

    /** Creates {@code destination} if needed and a fresh staging directory inside it. */
    public static StagedOutput in(Path destination) {
        try {
            Files.createDirectories(destination);
            Path staging = Files.createTempDirectory(destination, ".ocular-staging-");
            return new StagedOutput(destination, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + destination, e);
        }
    }

    /** Where to write the file that will be called {@code name} in the destination. */
    public Path file(String name) {
        if (finished) {
            throw new IllegalStateException("staged output already " + (names.isEmpty() ? "closed" : "committed"));
        }
        if (name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("output name must be a plain file name: " + name);
        }
        names.add(name);
        return staging.resolve(name);
    }

    /** Moves every staged file into the destination (replacing older files of the same name). */
    public List<Path> commit() {
        List<Path> moved = new ArrayList<>();
        try {
            for (String name : names) {
                Path target = destination.resolve(name);
                move(staging.resolve(name), target);
                moved.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moving output into " + destination, e);
        } finally {
            close();
        }
        return moved;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(staging)) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("removing staging directory " + staging, e);
        }
    }
}
