package dev.ocular.vrnet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reader and writer of the safetensors container (huggingface/safetensors, docs "format"): an unsigned 64-bit
 * little-endian header length N, N bytes of UTF-8 JSON mapping tensor names to {@code dtype}, {@code shape} and
 * {@code data_offsets} [begin, end) relative to the byte buffer that follows (plus an optional {@code __metadata__}
 * map of strings), then the raw little-endian data. Only F32 and F16 are supported. As the format requires, the
 * tensors must cover the data buffer exactly: no holes, no overlaps, no trailing bytes.
 */
public final class SafeTensors {
    /** Larger files are refused before reading: vrnet weights are kilobytes to a few megabytes. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** The header of a few dozen tensors is a few kilobytes; the reference implementation refuses above 100 MB. */
    public static final long MAX_HEADER_BYTES = 1L << 20;
    private static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's contents: metadata (insertion order) and tensors by name (sorted). */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
        public Contents {
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            tensors = java.util.Collections.unmodifiableMap(new TreeMap<>(tensors));
        }
    }

    private record Entry(String name, Tensor.DType dtype, int[] shape, long begin, long end) {
    }

    private SafeTensors() {
    }

    public static Contents read(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ModelFormatException(source, "file", size + " bytes exceed the limit of " + MAX_FILE_BYTES);
            }
            return parse(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(source, "file", "does not exist", e);
        } catch (IOException e) {
            throw new ModelFormatException(source, "file", "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Decodes a whole file held in memory; {@code source} names it in error messages. */
    public static Contents parse(byte[] bytes, String source) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ModelFormatException(source, "file", bytes.length + " bytes exceed the limit of "
                    + MAX_FILE_BYTES);
        }
        if (bytes.length < 8) {
            throw new ModelFormatException(source, "header length", "truncated: the file has " + bytes.length
                    + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = data.getLong(0);
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw new ModelFormatException(source, "header length", Long.toUnsignedString(headerLength)
                    + " is outside [2, " + MAX_HEADER_BYTES + "]");
        }
        if (headerLength > bytes.length - 8L) {
            throw new ModelFormatException(source, "header length", "truncated: header of " + headerLength
                    + " bytes but only " + (bytes.length - 8L) + " follow");
        }
        JsonNode header = header(bytes, (int) headerLength, source);
        Map<String, String> metadata = metadata(header, source);
        List<Entry> entries = entries(header, source);
        long dataBytes = bytes.length - 8L - headerLength;
        checkCoverage(entries, dataBytes, source);
        Map<String, Tensor> tensors = new TreeMap<>();
        int dataStart = 8 + (int) headerLength;
        for (Entry e : entries) {
            tensors.put(e.name(), new Tensor(e.dtype(), e.shape(), decode(data, dataStart + (int) e.begin(), e)));
        }
        return new Contents(metadata, tensors);
    }

    private static JsonNode header(byte[] bytes, int length, String source) {
        if (bytes[8] != '{') {
            throw new ModelFormatException(source, "header", "does not start with '{'");
        }
        try {
            JsonNode header = JSON.readTree(new String(bytes, 8, length, StandardCharsets.UTF_8));
            if (header == null || !header.isObject()) {
                throw new ModelFormatException(source, "header", "is not a JSON object");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source, "header", "corrupt JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static Map<String, String> metadata(JsonNode header, String source) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = header.get(METADATA);
        if (node == null) {
            return metadata;
        }
        if (!node.isObject()) {
            throw new ModelFormatException(source, METADATA, "must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isTextual()) {
                throw new ModelFormatException(source, METADATA + "." + f.getKey(), "must be a string");
            }
            metadata.put(f.getKey(), f.getValue().asText());
        }
        return metadata;
    }

    private static List<Entry> entries(JsonNode header, String source) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : header.properties()) {
            if (!f.getKey().equals(METADATA)) {
                entries.add(entry(f.getKey(), f.getValue(), source));
            }
        }
        return entries;
    }

    private static Entry entry(String name, JsonNode node, String source) {
        String at = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new ModelFormatException(source, at, "must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!Set.of("dtype", "shape", "data_offsets").contains(field)) {
                throw new ModelFormatException(source, at + "." + field, "unknown field");
            }
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new ModelFormatException(source, at + ".dtype", "must be a string");
        }
        Tensor.DType dtype = switch (dtypeNode.asText()) {
            case "F32" -> Tensor.DType.F32;
            case "F16" -> Tensor.DType.F16;
            default -> throw new ModelFormatException(source, at + ".dtype", "'" + dtypeNode.asText()
                    + "' is not supported (F32, F16)");
        };
        int[] shape = intArray(node.get("shape"), source, at + ".shape", -1);
        long[] offsets = longPair(node.get("data_offsets"), source, at + ".data_offsets");
        long count = Tensor.elementCount(shape);
        if (count < 0) {
            throw new ModelFormatException(source, at + ".shape", "has a negative or too large dimension");
        }
        if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != count * dtype.bytes()) {
            throw new ModelFormatException(source, at + ".data_offsets", "[" + offsets[0] + ", " + offsets[1]
                    + ") does not hold " + count + " " + dtype + " values");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static int[] intArray(JsonNode node, String source, String field, int length) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw new ModelFormatException(source, field, "must be an array of integers");
        }
        int[] values = new int[node.size()];
        for (int i = 0; i < values.length; i++) {
            if (!node.get(i).isInt() || node.get(i).asInt() < 0) {
                throw new ModelFormatException(source, field, "must hold non-negative integers");
            }
            values[i] = node.get(i).asInt();
        }
        return values;
    }

    private static long[] longPair(JsonNode node, String source, String field) {
        if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).canConvertToLong()
                || !node.get(1).canConvertToLong() || node.get(0).asLong() < 0 || node.get(1).asLong() < 0) {
            throw new ModelFormatException(source, field, "must be [begin, end] with non-negative integers");
        }
        return new long[] {node.get(0).asLong(), node.get(1).asLong()};
    }

    /** The tensors must tile [0, dataBytes) exactly, in some order. */
    private static void checkCoverage(List<Entry> entries, long dataBytes, String source) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : sorted) {
            String at = "tensor '" + e.name() + "'.data_offsets";
            if (e.end() > dataBytes) {
                throw new ModelFormatException(source, at, "truncated: ends at byte " + e.end() + " but the data has "
                        + dataBytes + " bytes");
            }
            if (e.begin() != expected) {
                throw new ModelFormatException(source, at, (e.begin() < expected ? "overlaps" : "leaves a hole before")
                        + " byte " + e.begin());
            }
            expected = e.end();
        }
        if (expected != dataBytes) {
            throw new ModelFormatException(source, "data", (dataBytes - expected)
                    + " trailing bytes after the last tensor (oversized or corrupt file)");
        }
    }

    private static float[] decode(ByteBuffer data, int start, Entry e) {
        float[] values = new float[(int) ((e.end() - e.begin()) / e.dtype().bytes())];
        for (int i = 0; i < values.length; i++) {
            values[i] = e.dtype() == Tensor.DType.F32 ? data.getFloat(start + 4 * i)
                    : Float.float16ToFloat(data.getShort(start + 2 * i));
        }
        return values;
    }

    /** Encodes a file: tensors sorted by name and packed back to back, header padded with spaces to 8 bytes. */
    public static byte[] encode(Map<String, String> metadata, Map<String, Tensor> tensors) {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject(METADATA);
        metadata.forEach(meta::put);
        long offset = 0;
        Map<String, Tensor> sorted = new TreeMap<>(tensors);
        for (Map.Entry<String, Tensor> t : sorted.entrySet()) {
            ObjectNode node = header.putObject(t.getKey());
            Tensor tensor = t.getValue();
            node.put("dtype", tensor.dtype().name());
            var shape = node.putArray("shape");
            for (int d : tensor.shape()) {
                shape.add(d);
            }
            long size = (long) tensor.values().length * tensor.dtype().bytes();
            node.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a header tree cannot fail", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor tensor : sorted.values()) {
            for (float v : tensor.values()) {
                if (tensor.dtype() == Tensor.DType.F32) {
                    out.putFloat(v);
                } else {
                    out.putShort(Float.floatToFloat16(v));
                }
            }
        }
        return out.array();
    }

    /** Writes through a temporary file and a rename, so a crash never leaves a partial file under {@code file}. */
    public static void write(Path file, Map<String, String> metadata, Map<String, Tensor> tensors) throws IOException {
        AtomicFile.write(file, encode(metadata, tensors));
    }
}
