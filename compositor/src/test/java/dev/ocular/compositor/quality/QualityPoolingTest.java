package dev.ocular.compositor.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.ImageData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityPoolingTest {

    @Test
    void weightedPercentilesFollowTheFlipToolDefinition() {
        ImageData map = new ImageData(4, 1, 1, new float[] {0.4f, 0.1f, 0.3f, 0.2f});
        FlipStats s = FlipStats.of(map, PixelMask.all(4, 1));
        // Sorted 0.1, 0.2, 0.3, 0.4 (sum 1): running sums 0.1, 0.3, 0.6, 1.0.
        assertEquals(0.25, s.mean(), 1e-7);
        assertEquals(0.3, s.weightedMedian(), 1e-7);
        assertEquals(0.2, s.weightedQ1(), 1e-7);
        assertEquals(0.4, s.weightedQ3(), 1e-7);
        assertEquals(0.1, s.min(), 1e-7);
        assertEquals(0.4, s.max(), 1e-7);
        FlipStats zero = FlipStats.of(ImageData.zeros(3, 3, 1), PixelMask.all(3, 3));
        assertEquals(0.0, zero.weightedMedian());
    }

    @Test
    void lensSplitPartitionsTheImage() {
        LensSplit split = LensSplit.of(64, 48, 0.5, 0.5, 0.25);
        assertEquals(64 * 48, split.centre().count() + split.periphery().count());
        assertTrue(split.centre().contains(32, 24));
        assertTrue(split.periphery().contains(0, 0));
        // UV disc of radius 0.25: area π/16 of the image.
        assertEquals(Math.PI / 16, split.centre().count() / (64.0 * 48.0), 0.01);
    }

    @Test
    void errorMapPngUsesMagma(@TempDir Path dir) throws Exception {
        assertEquals(0x000004, ErrorMapPng.colour(0f));
        assertEquals(0xfcfdbf, ErrorMapPng.colour(1f));
        assertEquals(0xfcfdbf, ErrorMapPng.colour(Float.NaN));
        Path file = dir.resolve("sub/err.png");
        ErrorMapPng.write(new ImageData(2, 1, 1, new float[] {0f, 1f}), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(0x000004, back.getRGB(0, 0) & 0xffffff);
        assertEquals(0xfcfdbf, back.getRGB(1, 0) & 0xffffff);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void imageQualityReportsEveryRegion() {
        ImageData ref = PsnrTest.random(40, 36, 4, 21, 0, 3);
        ImageData out = ref.copy();
        out.data()[4 * (2 * 40 + 2)] += 1f;
        FrameQuality q = ImageQuality.compare(ref, out, 12.0, LensSplit.of(40, 36, 0.5, 0.5, 0.3));
        assertEquals(Psnr.CAP_DB, q.centre().psnr());
        assertTrue(q.periphery().psnr() < 60 && q.whole().psnr() > q.periphery().psnr());
        assertEquals(1.0, q.centre().ssim(), 1e-9);
        assertEquals(0.0, q.centre().flip().max());
        assertTrue(q.periphery().flip().max() > 0);
    }
}
