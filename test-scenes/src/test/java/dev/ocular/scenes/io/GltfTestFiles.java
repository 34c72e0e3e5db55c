package dev.ocular.scenes.io;

import java.io.IOException;
import java.nio.file.Path;

/** Public door to {@link GltfFixtures} for tests in other packages. */
public final class GltfTestFiles {
    private GltfTestFiles() {
    }

    public static Path glb(Path dir) throws IOException {
        return GltfFixtures.writeGlb(dir);
    }
}
