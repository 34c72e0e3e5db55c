package dev.ocular.distortion.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.io.PngWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridImageTest {
    @TempDir
    Path dir;

    @Test
    void linesRunThroughTheCentreAndAreEvenlySpaced() {
        RgbaImage grid = GridImage.create(160, 120, 8, 2.0);
        // Centre lines at x = 80 and y = 60 (texels 79 and 80 each half covered by a 2-texel line).
        assertEquals(1.0, grid.get(79, 10, 0), 1e-6);
        assertEquals(1.0, grid.get(80, 10, 0), 1e-6);
        assertEquals(1.0, grid.get(10, 60, 1), 1e-6);
        // Spacing 160 / 8 = 20 texels: the next vertical line is at x = 100.
        assertEquals(1.0, grid.get(100, 33, 2), 1e-6);
        assertTrue(grid.get(90, 33, 0) < 0.1, "between lines is background");
    }

    @Test
    void pngIsWrittenAtomicallyAndReadsBack() throws IOException {
        RgbaImage grid = GridImage.create(64, 48, 4, 3.0);
        Path png = dir.resolve("out/grid.png");
        PngWriter.write(grid, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(64, read.getWidth());
        assertEquals(48, read.getHeight());
        assertEquals(255, read.getRGB(32, 5) & 0xFF);
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
