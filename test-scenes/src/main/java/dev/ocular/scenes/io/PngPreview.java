package dev.ocular.scenes.io;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.scene.ColourSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Tone-mapped 8-bit previews of linear HDR images (docs/conventions.md: Reinhard per channel, then sRGB; files are
 * named {@code *.preview.png}). Motion vectors and depth get their own false-colour mappings.
 */
public final class PngPreview {
    private PngPreview() {
    }

    /** RGB of a linear colour image, tone-mapped; alpha is dropped. */
    public static BufferedImage colour(ImageData image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int r = ColourSpace.toneMapToByte(image.get(x, y, 0));
                int g = ColourSpace.toneMapToByte(image.get(x, y, Math.min(1, image.channels() - 1)));
                int b = ColourSpace.toneMapToByte(image.get(x, y, Math.min(2, image.channels() - 1)));
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** Reverse-Z depth as grey: near (1) white, infinity (0) black, with a square root so far detail stays visible. */
    public static BufferedImage depth(ImageData depth) {
        BufferedImage out = new BufferedImage(depth.width(), depth.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < depth.height(); y++) {
            for (int x = 0; x < depth.width(); x++) {
                int v = (int) Math.round(Math.sqrt(Math.min(Math.max(depth.get(x, y, 0), 0), 1)) * 255);
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }

    /** Motion vectors: x → red, y → green around mid-grey, scaled so {@code range} pixels saturate. */
    public static BufferedImage motion(ImageData motion, float range) {
        BufferedImage out = new BufferedImage(motion.width(), motion.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < motion.height(); y++) {
            for (int x = 0; x < motion.width(); x++) {
                int r = (int) Math.round(Math.min(Math.max(0.5 + 0.5 * motion.get(x, y, 0) / range, 0), 1) * 255);
                int g = (int) Math.round(Math.min(Math.max(0.5 + 0.5 * motion.get(x, y, 1) / range, 0), 1) * 255);
                out.setRGB(x, y, r << 16 | g << 8 | 128);
            }
        }
        return out;
    }

    public static void write(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG " + file, e);
        }
    }
}
