package dev.ocular.distortion.io;

import dev.ocular.distortion.cpu.RgbaImage;
import dev.ocular.gpu.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes an {@link RgbaImage} as an 8-bit RGB PNG. Values are clamped to [0, 1] and written as they are (no transfer
 * function applied): the image holds display values. Alpha is dropped; the panel is opaque.
 */
public final class PngWriter {
    private PngWriter() {
    }

    public static BufferedImage toBufferedImage(RgbaImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int r = toByte(image.get(x, y, 0));
                int g = toByte(image.get(x, y, 1));
                int b = toByte(image.get(x, y, 2));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** Writes {@code image} to {@code target} atomically. */
    public static void write(RgbaImage image, Path target) throws IOException {
        BufferedImage buffered = toBufferedImage(image);
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }

    private static int toByte(float value) {
        double clamped = Math.max(0.0, Math.min(1.0, value));
        return (int) Math.round(clamped * 255.0);
    }
}
