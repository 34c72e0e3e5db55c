package dev.ocular.vrnet.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A spec with its weights: what every executor runs. Built from a safetensors file checked against the spec
 * ({@link #load}), or from seeded random weights for tests and benchmarks ({@link #random}), which are labelled as
 * such in {@link #weightsLabel()} and in the metadata of any file they are saved to. Immutable.
 */
public final class NetModel {
    /** Metadata keys every vrnet weights file carries. */
    public static final String META_ARCHITECTURE = "architecture";
    public static final String META_VERSION = "version";
    public static final String META_PROVENANCE = "provenance";
    /**
     * Optional: the spec's JSON ({@link NetSpec#toJson()}). Weights that carry it describe their own architecture, so
     * a file trained with another spec than the shipped one ({@code ocular train --spec}) loads by itself.
     */
    public static final String META_SPEC = "spec";

    private final NetSpec spec;
    private final List<ConvWeights> all;
    private final Map<String, String> metadata;

    /** @param all every layer's weights in {@link NetSpec#allLayers()} order */
    private NetModel(NetSpec spec, List<ConvWeights> all, Map<String, String> metadata) {
        this.spec = spec;
        this.all = List.copyOf(all);
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Builds a model from weights already in memory; they are checked like a file's.
     *
     * @param layers every layer's weights in {@link NetSpec#allLayers()} order (features, then refine)
     */
    public static NetModel of(NetSpec spec, List<ConvWeights> layers, Map<String, String> metadata) {
        Map<String, Tensor> tensors = new TreeMap<>();
        for (ConvWeights w : layers) {
            tensors.put(w.layer().weightName(), new Tensor(Tensor.DType.F32, w.layer().weightShape(), w.weight()));
            tensors.put(w.layer().biasName(), new Tensor(Tensor.DType.F32, new int[] {w.layer().out()}, w.bias()));
        }
        return fromContents(spec, new SafeTensors.Contents(metadata, tensors), "in-memory weights");
    }

    /** Reads {@code weights} (safetensors) and checks it against {@code spec}: one-line error on any mismatch. */
    public static NetModel load(NetSpec spec, Path weights) {
        return fromContents(spec, SafeTensors.read(weights), weights.toString());
    }

    /**
     * Reads {@code weights} with the spec it carries in {@link #META_SPEC}, or the shipped spec when it carries none
     * (files written before specs were stored, or by other tools).
     */
    public static NetModel load(Path weights) {
        SafeTensors.Contents contents = SafeTensors.read(weights);
        return fromContents(specOf(contents, weights.toString()), contents, weights.toString());
    }

    /** The spec a file's metadata carries, else the shipped one. */
    public static NetSpec specOf(SafeTensors.Contents contents, String source) {
        String json = contents.metadata().get(META_SPEC);
        return json == null ? NetSpec.shipped() : NetSpec.parse(json, source + " __metadata__." + META_SPEC);
    }

    /** Checks metadata, names, dtypes, shapes and values against the spec. */
    public static NetModel fromContents(NetSpec spec, SafeTensors.Contents contents, String source) {
        Map<String, String> meta = contents.metadata();
        requireMeta(meta, META_ARCHITECTURE, spec.architecture(), source);
        requireMeta(meta, META_VERSION, Integer.toString(spec.version()), source);
        if (!meta.containsKey(META_PROVENANCE) || meta.get(META_PROVENANCE).isBlank()) {
            throw new ModelFormatException(source, "__metadata__." + META_PROVENANCE, "missing");
        }
        if (meta.containsKey(META_SPEC)
                && !NetSpec.parse(meta.get(META_SPEC), source + " __metadata__." + META_SPEC).equals(spec)) {
            throw new ModelFormatException(source, "__metadata__." + META_SPEC, "describes another architecture than "
                    + "the spec it is loaded with");
        }
        Map<String, Tensor> remaining = new TreeMap<>(contents.tensors());
        List<ConvWeights> layers = new ArrayList<>();
        for (LayerSpec layer : spec.allLayers()) {
            float[] w = take(remaining, layer.weightName(), layer.weightShape(), source);
            float[] b = take(remaining, layer.biasName(), new int[] {layer.out()}, source);
            layers.add(new ConvWeights(layer, w, b));
        }
        if (!remaining.isEmpty()) {
            throw new ModelFormatException(source, "tensor '" + remaining.keySet().iterator().next() + "'",
                    "not part of the spec's layers " + spec.allLayers().stream().map(LayerSpec::name).toList());
        }
        return new NetModel(spec, layers, meta);
    }

    private static void requireMeta(Map<String, String> meta, String key, String expected, String source) {
        String value = meta.get(key);
        if (!expected.equals(value)) {
            throw new ModelFormatException(source, "__metadata__." + key, (value == null ? "missing" : "'" + value
                    + "'") + ", the spec wants '" + expected + "'");
        }
    }

    private static float[] take(Map<String, Tensor> tensors, String name, int[] shape, String source) {
        Tensor t = tensors.remove(name);
        String at = "tensor '" + name + "'";
        if (t == null) {
            throw new ModelFormatException(source, at, "missing (the spec needs shape " + Arrays.toString(shape)
                    + ")");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new ModelFormatException(source, at, "shape " + t.shapeString() + " but the spec wants "
                    + Arrays.toString(shape));
        }
        float[] v = t.values();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new ModelFormatException(source, at, "value " + i + " is " + v[i]);
            }
        }
        return v;
    }

    /**
     * Seeded random weights (He-normal weights, small uniform biases; the head a little narrower so the squashed
     * parameters spread over their ranges, the refine stage's last layer much narrower so its residual stays a
     * correction of a few per cent in tone-mapped space, as trained ones are). For tests and benchmarks only: the
     * provenance says so.
     */
    public static NetModel random(NetSpec spec, long seed) {
        Random random = new Random(seed);
        List<ConvWeights> layers = new ArrayList<>();
        List<LayerSpec> specs = spec.allLayers();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec layer = specs.get(i);
            boolean head = i == spec.layers().size() - 1;
            boolean residual = i == specs.size() - 1 && !spec.refine().isEmpty();
            // A per-pixel refine kernel sums k² weighted differences: shrink that layer by k² so the residual stays
            // the few per cent a trained one makes, whatever the kernel size.
            double kernelTaps = residual && spec.refineKernel() > 0 ? spec.refineKernel() * spec.refineKernel() : 1.0;
            double std = Math.sqrt(2.0 / (layer.in() * layer.kind().taps())) * (head ? 0.5 : residual ? 0.02 : 1.0)
                    / kernelTaps;
            float[] w = new float[layer.out() * layer.in() * layer.kind().taps()];
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) (random.nextGaussian() * std);
            }
            float[] b = new float[layer.out()];
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) ((random.nextFloat() * 2 - 1) * 0.1 / kernelTaps);
            }
            layers.add(new ConvWeights(layer, w, b));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META_ARCHITECTURE, spec.architecture());
        meta.put(META_VERSION, Integer.toString(spec.version()));
        meta.put(META_PROVENANCE, randomLabel(seed));
        return new NetModel(spec, layers, meta);
    }

    /** How random weights are labelled wherever they are reported. */
    public static String randomLabel(long seed) {
        return "random (seed " + seed + ")";
    }

    /** Saves the weights (F32 or F16) with this model's metadata, atomically. */
    public void save(Path file, Tensor.DType dtype) throws IOException {
        Map<String, Tensor> tensors = new TreeMap<>();
        for (ConvWeights w : all) {
            tensors.put(w.layer().weightName(), new Tensor(dtype, w.layer().weightShape(), w.weight()));
            tensors.put(w.layer().biasName(), new Tensor(dtype, new int[] {w.layer().out()}, w.bias()));
        }
        SafeTensors.write(file, metadata, tensors);
    }

    public NetSpec spec() {
        return spec;
    }

    /** The feature layers' weights (low resolution; the last is the head). */
    public List<ConvWeights> layers() {
        return all.subList(0, spec.layers().size());
    }

    /** The refine stage's weights (output resolution); empty without one. */
    public List<ConvWeights> refine() {
        return all.subList(spec.layers().size(), all.size());
    }

    /** Every layer's weights, features then refine. */
    public List<ConvWeights> allLayers() {
        return all;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** What the weights are, for reports: the provenance metadata (e.g. {@code random (seed 7)}). */
    public String weightsLabel() {
        return metadata.get(META_PROVENANCE);
    }
}
