package dev.ocular.distortion.profile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a profile (and the files it refers to, such as a measured grid) is read from: the file system, or the
 * built-in profiles packaged as resources. {@link #name()} is what error messages call the file.
 */
sealed interface ProfileSource {

    String name();

    InputStream open() throws IOException;

    /** A file next to this one, for relative references inside a profile. */
    ProfileSource sibling(String relative);

    static ProfileSource file(Path path) {
        return new FileSource(path);
    }

    static ProfileSource builtin(String resourceDirectory, String fileName) {
        return new ResourceSource(resourceDirectory, fileName);
    }

    record FileSource(Path path) implements ProfileSource {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public ProfileSource sibling(String relative) {
            Path parent = path.toAbsolutePath().getParent();
            return new FileSource(parent == null ? Path.of(relative) : parent.resolve(relative));
        }
    }

    record ResourceSource(String directory, String fileName) implements ProfileSource {
        @Override
        public String name() {
            return "builtin:" + fileName;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = ProfileSource.class.getClassLoader().getResourceAsStream(directory + "/" + fileName);
            if (in == null) {
                throw new FileNotFoundException("no packaged resource " + directory + "/" + fileName);
            }
            return in;
        }

        @Override
        public ProfileSource sibling(String relative) {
            return new ResourceSource(directory, relative);
        }
    }
}
