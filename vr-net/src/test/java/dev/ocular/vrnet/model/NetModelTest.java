package dev.ocular.vrnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading weights against the spec: the good path and every way a file can be wrong. */
class NetModelTest {
    @TempDir
    Path dir;

    private final NetSpec spec = NetSpec.shipped();

    @Test
    void randomWeightsSayTheyAreRandomAndRoundTrip() throws Exception {
        NetModel model = NetModel.random(spec, 7);
        assertEquals("random (seed 7)", model.weightsLabel());
        Path f32 = dir.resolve("w32.safetensors");
        model.save(f32, Tensor.DType.F32);
        NetModel back = NetModel.load(spec, f32);
        assertEquals("random (seed 7)", back.weightsLabel());
        for (int i = 0; i < spec.allLayers().size(); i++) {
            assertArrayEquals(model.allLayers().get(i).weight(), back.allLayers().get(i).weight());
            assertArrayEquals(model.allLayers().get(i).bias(), back.allLayers().get(i).bias());
        }
        Path f16 = dir.resolve("w16.safetensors");
        model.save(f16, Tensor.DType.F16);
        float[] w = model.layers().get(1).weight();
        float[] h = NetModel.load(spec, f16).layers().get(1).weight();
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], h[i], Math.abs(w[i]) / 1024 + 1e-7, "fp16 round trip of value " + i);
        }
        assertTrue(Files.size(f16) < Files.size(f32));
    }

    /** Writes the random model's tensors after {@code edit}, loads it and returns the one-line error. */
    private String loadError(Consumer<Map<String, Tensor>> editTensors, Consumer<Map<String, String>> editMeta)
            throws Exception {
        NetModel model = NetModel.random(spec, 3);
        Map<String, Tensor> tensors = new TreeMap<>();
        for (ConvWeights w : model.allLayers()) {
            tensors.put(w.layer().weightName(), new Tensor(Tensor.DType.F32, w.layer().weightShape(),
                    w.weight().clone()));
            tensors.put(w.layer().biasName(), new Tensor(Tensor.DType.F32, new int[] {w.layer().out()},
                    w.bias().clone()));
        }
        Map<String, String> meta = new LinkedHashMap<>(model.metadata());
        editTensors.accept(tensors);
        editMeta.accept(meta);
        Path file = dir.resolve("bad.safetensors");
        SafeTensors.write(file, meta, tensors);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetModel.load(spec, file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    private static final Consumer<Map<String, String>> KEEP_META = m -> { };
    private static final Consumer<Map<String, Tensor>> KEEP_TENSORS = t -> { };

    @Test
    void nanWeightIsRefusedNamingTensorAndIndex() throws Exception {
        String msg = loadError(t -> t.get("conv2.weight").values()[17] = Float.NaN, KEEP_META);
        assertTrue(msg.contains("tensor 'conv2.weight': value 17 is NaN"), msg);
        msg = loadError(t -> t.get("head.bias").values()[0] = Float.POSITIVE_INFINITY, KEEP_META);
        assertTrue(msg.contains("tensor 'head.bias': value 0 is Infinity"), msg);
    }

    @Test
    void shapeMismatchIsRefused() throws Exception {
        String msg = loadError(t -> t.put("conv1.weight", new Tensor(Tensor.DType.F32, new int[] {32, 16, 3, 3},
                new float[32 * 16 * 9])), KEEP_META);
        assertTrue(msg.contains("tensor 'conv1.weight': shape [32, 16, 3, 3] but the spec wants [32, 14, 3, 3]"),
                msg);
    }

    @Test
    void missingAndExtraTensorsAreRefused() throws Exception {
        assertTrue(loadError(t -> t.remove("head.weight"), KEEP_META).contains("tensor 'head.weight': missing"));
        assertTrue(loadError(t -> t.remove("refine4.bias"), KEEP_META).contains("tensor 'refine4.bias': missing"));
        String extra = loadError(t -> t.put("conv3.weight", new Tensor(Tensor.DType.F32, new int[] {1},
                new float[1])), KEEP_META);
        assertTrue(extra.contains("tensor 'conv3.weight': not part of the spec's layers"), extra);
    }

    @Test
    void metadataMustMatchTheSpecAndCarryProvenance() throws Exception {
        assertTrue(loadError(KEEP_TENSORS, m -> m.put("architecture", "unet"))
                .contains("__metadata__.architecture: 'unet', the spec wants 'vrnet'"));
        assertTrue(loadError(KEEP_TENSORS, m -> m.put("version", "1")).contains("__metadata__.version"));
        assertTrue(loadError(KEEP_TENSORS, m -> m.remove("provenance")).contains("__metadata__.provenance: missing"));
    }

    @Test
    void truncatedWeightsFileIsRefused() throws Exception {
        Path good = dir.resolve("good.safetensors");
        NetModel.random(spec, 1).save(good, Tensor.DType.F16);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetModel.load(spec, cut));
        assertTrue(e.getMessage().startsWith(cut + ": ") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingWeightsFileIsAOneLineError() {
        Path missing = dir.resolve("missing.safetensors");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetModel.load(spec, missing));
        assertEquals(missing + ": file: does not exist", e.getMessage());
    }

    /** A spec other than the shipped one: the refine stage twice as wide. */
    private static NetSpec otherSpec() {
        String json = NetSpec.shipped().toJson().replaceAll("\"out\"\\s*:\\s*8\\b", "\"out\": 16")
                .replaceAll("\"in\"\\s*:\\s*8\\b", "\"in\": 16");
        NetSpec other = NetSpec.parse(json, "other.json");
        assertTrue(!other.equals(NetSpec.shipped()), "the edited spec must differ: " + json);
        return other;
    }

    @Test
    void weightsThatCarryTheirSpecLoadWithoutIt() throws Exception {
        NetSpec other = otherSpec();
        NetModel model = NetModel.random(other, 5);
        Map<String, String> meta = new LinkedHashMap<>(model.metadata());
        meta.put(NetModel.META_SPEC, other.toJson());
        Path file = dir.resolve("other.safetensors");
        NetModel.of(other, model.allLayers(), meta).save(file, Tensor.DType.F32);
        NetModel back = NetModel.load(file);
        assertEquals(other, back.spec());
        assertArrayEquals(model.refine().get(1).weight(), back.refine().get(1).weight());
        // Loaded against a spec it does not describe, it is refused by name.
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetModel.load(spec, file));
        assertEquals(file + ": __metadata__.spec: describes another architecture than the spec it is loaded with",
                e.getMessage());
    }

    @Test
    void weightsWithoutASpecLoadWithTheShippedOne() throws Exception {
        Path file = dir.resolve("plain.safetensors");
        NetModel.random(spec, 2).save(file, Tensor.DType.F32);
        assertEquals(spec, NetModel.load(file).spec());
    }

    @Test
    void aBrokenCarriedSpecIsAOneLineError() throws Exception {
        Path file = dir.resolve("broken.safetensors");
        NetModel model = NetModel.random(spec, 4);
        Map<String, String> meta = new LinkedHashMap<>(model.metadata());
        meta.put(NetModel.META_SPEC, spec.toJson().replaceAll("\"in\"\\s*:\\s*14\\b", "\"in\": 15"));
        NetModel.of(spec, model.allLayers(), model.metadata()).save(file, Tensor.DType.F32);
        Map<String, Tensor> tensors = SafeTensors.read(file).tensors();
        SafeTensors.write(file, meta, tensors);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetModel.load(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " __metadata__.spec: layers[0].in"), e.getMessage());
    }
}
