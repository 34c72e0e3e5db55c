package dev.ocular.gpu.shader;

import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compiled SPIR-V on disk, one file per key (a hash of the source, every include it pulls in, the defines, stage and
 * compiler target). Writes go to a temporary file that is then renamed, so a reader never sees half a module.
 */
public final class SpirvCache {
    private final Path directory;

    public SpirvCache(Path directory) {
        this.directory = directory;
    }

    public Optional<byte[]> get(String key) {
        Path file = directory.resolve(key + ".spv");
        try {
            byte[] bytes = Files.readAllBytes(file);
            // A valid module is a whole number of words starting with the SPIR-V magic number (little endian).
            if (bytes.length >= 20 && bytes.length % 4 == 0 && (bytes[0] & 0xff) == 0x03 && (bytes[1] & 0xff) == 0x02
                    && (bytes[2] & 0xff) == 0x23 && (bytes[3] & 0xff) == 0x07) {
                return Optional.of(bytes);
            }
            return Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading SPIR-V cache file " + file, e);
        }
    }

    public void put(String key, byte[] spirv) {
        try {
            AtomicFile.write(directory.resolve(key + ".spv"), spirv);
        } catch (IOException e) {
            throw new UncheckedIOException("writing SPIR-V cache in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }
}
