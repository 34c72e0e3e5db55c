package dev.ocular.scenes.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ocular.gpu.frame.ImageData;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExrFilesTest {
    @TempDir
    Path dir;

    @Test
    void floatChannelsRoundTripExactlyAndHalfChannelsToHalfPrecision() {
        int w = 7;
        int h = 5;
        ImageData colour = ImageData.zeros(w, h, 4);
        ImageData depth = ImageData.zeros(w, h, 1);
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 4; c++) {
                colour.data()[4 * i + c] = (float) Math.pow(1.7, i % 13) * (c + 1) / 7f;
            }
            depth.data()[i] = 1f / (i + 3);
        }
        Path c = dir.resolve("c.exr");
        Path d = dir.resolve("d.exr");
        ExrFiles.write(c, colour, List.of("R", "G", "B", "A"), true);
        ExrFiles.write(d, depth, List.of("Z"), false);
        Map<String, ImageData> z = ExrFiles.read(d);
        assertArrayEquals(depth.data(), z.get("Z").data(), 0f);
        Map<String, ImageData> rgba = ExrFiles.read(c);
        assertEquals(List.of("A", "B", "G", "R"), List.copyOf(rgba.keySet()), "channels stored alphabetically");
        String[] names = {"R", "G", "B", "A"};
        for (int ch = 0; ch < 4; ch++) {
            for (int i = 0; i < w * h; i++) {
                float expected = Float.float16ToFloat(Float.floatToFloat16(colour.data()[4 * i + ch]));
                assertEquals(expected, rgba.get(names[ch]).data()[i], 0f, names[ch] + " at " + i);
            }
        }
    }

    @Test
    void unreadableFilesFailWithTheirName() throws Exception {
        Path junk = dir.resolve("junk.exr");
        Files.writeString(junk, "not an exr");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ExrFiles.read(junk));
        assertEquals(true, e.getMessage().contains("junk.exr"), e.getMessage());
    }
}
