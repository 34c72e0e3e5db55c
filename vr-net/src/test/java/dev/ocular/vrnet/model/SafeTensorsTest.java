package dev.ocular.vrnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsF32AndF16WithMetadata() throws Exception {
        Map<String, Tensor> tensors = new TreeMap<>();
        tensors.put("b.weight", new Tensor(Tensor.DType.F32, new int[] {2, 3}, new float[] {1, -2, 3.25f, 0, 1e-20f,
                -7}));
        tensors.put("a.bias", new Tensor(Tensor.DType.F16, new int[] {3}, new float[] {0.5f, -1.5f, 1000f}));
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, Map.of("provenance", "unit test"), tensors);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
        SafeTensors.Contents back = SafeTensors.read(file);
        assertEquals("unit test", back.metadata().get("provenance"));
        assertArrayEquals(tensors.get("b.weight").values(), back.tensors().get("b.weight").values());
        assertArrayEquals(new int[] {2, 3}, back.tensors().get("b.weight").shape());
        assertEquals(Tensor.DType.F16, back.tensors().get("a.bias").dtype());
        assertArrayEquals(new float[] {0.5f, -1.5f, 1000f}, back.tensors().get("a.bias").values());
    }

    @Test
    void readsAFileWrittenByHandToTheFormat() {
        // As the reference implementation lays it out: u64 LE length, JSON, then data at data_offsets.
        String header = "{\"__metadata__\":{\"k\":\"v\"},\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[1,1],\"data_offsets\":[8,10]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).putFloat(1.5f).putFloat(-2f).putShort((short) 0x3c00); // 1.0 in binary16
        SafeTensors.Contents c = SafeTensors.parse(b.array(), "hand.safetensors");
        assertArrayEquals(new float[] {1.5f, -2f}, c.tensors().get("x").values());
        assertArrayEquals(new float[] {1f}, c.tensors().get("h").values());
        assertEquals("v", c.metadata().get("k"));
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(json.length).put(json).array();
    }

    private static void assertBad(byte[] bytes, String field, String problem) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafeTensors.parse(bytes, "w.st"));
        assertTrue(e.getMessage().startsWith("w.st: " + field + ": ") && e.getMessage().contains(problem),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static final String ONE = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    @Test
    void emptyAndShortFilesAreTruncated() {
        assertBad(new byte[0], "header length", "truncated");
        assertBad(new byte[7], "header length", "truncated");
    }

    @Test
    void headerLongerThanTheFileIsTruncated() {
        byte[] good = file(ONE, 8);
        assertBad(Arrays.copyOf(good, 8 + 5), "header length", "truncated");
    }

    @Test
    void absurdHeaderLengthIsRefused() {
        byte[] bytes = file(ONE, 8);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        assertBad(bytes, "header length", "outside");
    }

    @Test
    void corruptHeaderIsRefused() {
        assertBad(file("{\"x\":{\"dtype\":\"F32\",", 0), "header", "corrupt JSON");
        assertBad(file("[1, 2, 3]", 0), "header", "does not start with '{'");
    }

    @Test
    void dataCutShortIsTruncated() {
        byte[] good = file(ONE, 8);
        assertBad(Arrays.copyOf(good, good.length - 3), "tensor 'x'.data_offsets", "truncated");
    }

    @Test
    void trailingBytesAreRefused() {
        assertBad(file(ONE, 12), "data", "4 trailing bytes");
    }

    @Test
    void unsupportedDtypeShapeMismatchOverlapAndHoleAreRefused() {
        assertBad(file(ONE.replace("F32", "BF16"), 8), "tensor 'x'.dtype", "'BF16' is not supported");
        assertBad(file(ONE.replace("[2]", "[3]"), 8), "tensor 'x'.data_offsets", "does not hold 3 F32");
        String two = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertBad(file(two, 8), "tensor 'y'.data_offsets", "overlaps");
        assertBad(file(ONE.replace("[0,8]", "[4,12]"), 12), "tensor 'x'.data_offsets", "hole");
        assertBad(file(ONE.replace("\"shape\":[2]", "\"shape\":[-2]"), 8), "tensor 'x'.shape", "non-negative");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SafeTensors.MAX_FILE_BYTES + 1); // sparse: no disk used
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafeTensors.read(big));
        assertTrue(e.getMessage().contains(": file: ") && e.getMessage().contains("exceed the limit"),
                e.getMessage());
    }
}
