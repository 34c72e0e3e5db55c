package dev.ocular.vrnet.train;

import dev.ocular.vrnet.model.ModelFormatException;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.SafeTensors;
import dev.ocular.vrnet.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training run's state in one safetensors file: the weights under their layer names, Adam's moments under
 * {@code adam.m.NAME} / {@code adam.v.NAME}, inside an averaged tail the running average under {@code average.NAME}
 * (its iterate count in the metadata), the loss curve as {@code log} [rows, 6], and in the metadata the spec,
 * the run's settings (so a resume with other settings is refused), rounds, optimiser steps and seconds. Written
 * through a temporary file and a rename ({@link SafeTensors#write}): a crash mid-write leaves the previous checkpoint
 * intact, never a partial one under the real name.
 */
public final class Checkpoint {
    public static final String META_KIND = "ocular.kind";
    public static final String KIND = "vrnet-training-checkpoint";
    public static final String META_SPEC = "ocular.spec";
    public static final String META_SETTINGS = "ocular.settings";
    public static final String META_ROUNDS = "ocular.rounds";
    public static final String META_STEPS = "ocular.adam_steps";
    public static final String META_SECONDS = "ocular.seconds";
    public static final String META_AVERAGED = "ocular.averaged";
    private static final String AVERAGE = "average.";

    private Checkpoint() {
    }

    /** A loaded checkpoint: the state and the settings string it was written with. */
    public record Loaded(TrainState state, String settings) {
    }

    /**
     * @param settings a description of the run's settings (JSON); a resume must present the same string
     */
    public static void save(Path file, TrainState state, String settings) throws IOException {
        ParameterSet w = state.weights();
        Map<String, Tensor> tensors = new TreeMap<>();
        List<String> names = w.names();
        List<float[]> values = w.arrays();
        List<float[]> m = state.adam().first().arrays();
        List<float[]> v = state.adam().second().arrays();
        List<float[]> avg = state.average().arrays();
        for (int i = 0; i < names.size(); i++) {
            int[] shape = shape(w, i);
            tensors.put(names.get(i), new Tensor(Tensor.DType.F32, shape, values.get(i).clone()));
            tensors.put("adam.m." + names.get(i), new Tensor(Tensor.DType.F32, shape, m.get(i).clone()));
            tensors.put("adam.v." + names.get(i), new Tensor(Tensor.DType.F32, shape, v.get(i).clone()));
            if (state.averaged() > 0) {
                tensors.put(AVERAGE + names.get(i), new Tensor(Tensor.DType.F32, shape, avg.get(i).clone()));
            }
        }
        float[] log = state.log().pack();
        tensors.put("log", new Tensor(Tensor.DType.F32, new int[] {log.length / LossLog.COLUMNS, LossLog.COLUMNS},
                log));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NetModel.META_ARCHITECTURE, w.spec().architecture());
        meta.put(NetModel.META_VERSION, Integer.toString(w.spec().version()));
        meta.put(NetModel.META_PROVENANCE, "training checkpoint after " + state.rounds() + " rounds");
        meta.put(META_KIND, KIND);
        meta.put(META_SPEC, w.spec().toJson());
        meta.put(META_SETTINGS, settings);
        meta.put(META_ROUNDS, Integer.toString(state.rounds()));
        meta.put(META_STEPS, Long.toString(state.adam().steps()));
        meta.put(META_SECONDS, Double.toString(state.seconds()));
        meta.put(META_AVERAGED, Long.toString(state.averaged()));
        SafeTensors.write(file, meta, tensors);
    }

    /** Reads a checkpoint for {@code spec}; any problem (missing, corrupt, other spec) is one-line bad input. */
    public static Loaded load(Path file, NetSpec spec) {
        String source = file.toString();
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!KIND.equals(meta.get(META_KIND))) {
            throw new ModelFormatException(source, "__metadata__." + META_KIND, "not a vrnet training checkpoint");
        }
        if (!spec.toJson().equals(meta.get(META_SPEC))) {
            throw new ModelFormatException(source, "__metadata__." + META_SPEC,
                    "written for another network spec than the one being trained");
        }
        ParameterSet weights = ParameterSet.zeros(spec);
        ParameterSet first = ParameterSet.zeros(spec);
        ParameterSet second = ParameterSet.zeros(spec);
        ParameterSet average = ParameterSet.zeros(spec);
        // Checkpoints from before averaging existed have no count: nothing averaged.
        long averaged = meta.containsKey(META_AVERAGED) ? parseInt(meta, META_AVERAGED, source) : 0;
        List<String> names = weights.names();
        for (int i = 0; i < names.size(); i++) {
            fill(contents, names.get(i), weights, i, source);
            fill(contents, "adam.m." + names.get(i), first, i, source);
            fill(contents, "adam.v." + names.get(i), second, i, source);
            if (averaged > 0) {
                fill(contents, AVERAGE + names.get(i), average, i, source);
            }
        }
        Tensor log = contents.tensors().get("log");
        if (log == null || log.shape().length != 2 || log.shape()[1] != LossLog.COLUMNS) {
            throw new ModelFormatException(source, "tensor 'log'", "missing or not [rows, " + LossLog.COLUMNS + "]");
        }
        int rounds = parseInt(meta, META_ROUNDS, source);
        long steps = parseInt(meta, META_STEPS, source);
        double seconds = parseDouble(meta, META_SECONDS, source);
        TrainState state = new TrainState(weights, new Adam(first, second, steps), average, averaged,
                LossLog.unpack(log.values()), rounds, seconds);
        return new Loaded(state, meta.getOrDefault(META_SETTINGS, ""));
    }

    private static void fill(SafeTensors.Contents contents, String name, ParameterSet into, int index,
            String source) {
        Tensor t = contents.tensors().get(name);
        float[] dst = into.arrays().get(index);
        if (t == null || t.values().length != dst.length) {
            throw new ModelFormatException(source, "tensor '" + name + "'", t == null ? "missing"
                    : "has " + t.values().length + " values, the spec wants " + dst.length);
        }
        float[] src = t.values();
        for (int j = 0; j < src.length; j++) {
            if (!Float.isFinite(src[j])) {
                throw new ModelFormatException(source, "tensor '" + name + "'", "value " + j + " is " + src[j]);
            }
        }
        System.arraycopy(src, 0, dst, 0, dst.length);
    }

    private static int[] shape(ParameterSet w, int arrayIndex) {
        var layer = w.allLayers().get(arrayIndex / 2).layer();
        return arrayIndex % 2 == 0 ? layer.weightShape() : new int[] {layer.out()};
    }

    private static int parseInt(Map<String, String> meta, String key, String source) {
        try {
            int v = Integer.parseInt(meta.getOrDefault(key, ""));
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ModelFormatException(source, "__metadata__." + key, "not a count: '" + meta.get(key) + "'", e);
        }
    }

    private static double parseDouble(Map<String, String> meta, String key, String source) {
        try {
            double v = Double.parseDouble(meta.getOrDefault(key, ""));
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException("not a finite non-negative number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ModelFormatException(source, "__metadata__." + key, "not a duration: '" + meta.get(key) + "'",
                    e);
        }
    }
}
