package dev.ocular.vrnet.train;

import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trainable tensors of a vrnet spec — each layer's weight then bias, in layer order — as owned, mutable float
 * arrays. Used for the weights being trained, their gradients and the optimiser's moments (same shapes). Not
 * thread-safe: one writer at a time.
 */
public final class ParameterSet {
    private final NetSpec spec;
    /** Every layer, in {@link NetSpec#allLayers()} order: features, then refine. */
    private final List<ConvWeights> layers;

    private ParameterSet(NetSpec spec, List<ConvWeights> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
    }

    /** All zeros, shaped like {@code spec}'s layers. */
    public static ParameterSet zeros(NetSpec spec) {
        List<ConvWeights> layers = new ArrayList<>();
        for (LayerSpec l : spec.allLayers()) {
            layers.add(new ConvWeights(l, new float[(int) l.macsPerPixel()], new float[l.out()]));
        }
        return new ParameterSet(spec, layers);
    }

    /** A copy of a model's weights. */
    public static ParameterSet copyOf(NetModel model) {
        List<ConvWeights> layers = new ArrayList<>();
        for (ConvWeights w : model.allLayers()) {
            layers.add(new ConvWeights(w.layer(), w.weight().clone(), w.bias().clone()));
        }
        return new ParameterSet(model.spec(), layers);
    }

    /**
     * The trainer's starting point, seeded: He-normal hidden layers (He et al. 2015, std √(2 / fan-in)), a zero
     * head and a zero last refine layer. A zero head is the fuse op's base parameters and a zero residual leaves the
     * fused pixel as it is, i.e. exactly the tuned TAAU resolve, so training starts from the baseline it must beat
     * rather than from noise (the zero-initialised last layer of ReZero / ControlNet); those layers' own gradients are
     * non-zero from the first step, and the hidden layers' follow once they move.
     */
    public static ParameterSet initial(NetSpec spec, long seed) {
        return initial(spec, seed, 0);
    }

    /**
     * As {@link #initial(NetSpec, long)}, but with the head's weights drawn with std {@code headGain}/√fan-in instead
     * of zero (0 gives the zero head): a start away from TAAU, for runs that must show learning within seconds. The
     * last refine layer starts at zero either way: a random residual is noise on every pixel, which such a short run
     * spends its steps removing.
     */
    public static ParameterSet initial(NetSpec spec, long seed, double headGain) {
        Random random = new Random(seed);
        ParameterSet p = zeros(spec);
        int head = spec.layers().size() - 1;
        int residual = spec.refine().isEmpty() ? -1 : p.layers.size() - 1;
        for (int l = 0; l < p.layers.size(); l++) {
            if (l == residual || (l == head && headGain == 0)) {
                continue;
            }
            ConvWeights w = p.layers.get(l);
            int fanIn = w.layer().in() * w.layer().kind().taps();
            double std = (l == head ? headGain : Math.sqrt(2.0)) / Math.sqrt(fanIn);
            for (int j = 0; j < w.weight().length; j++) {
                w.weight()[j] = (float) (random.nextGaussian() * std);
            }
        }
        return p;
    }

    public NetSpec spec() {
        return spec;
    }

    /**
     * A copy under {@code inference} (this spec with other inference-only settings, e.g. the refine clamp) whose last
     * refine layer, weights and bias, is multiplied by {@code strength}. That layer is linear and the per-pixel
     * filter it writes enters the residual linearly (reference/KernelResidual), so the copy's refine residual is
     * exactly {@code strength} times this one's before the gate and the clamp.
     */
    public ParameterSet withRefineStrength(NetSpec inference, float strength) {
        if (spec.refine().isEmpty() || !inference.allLayers().equals(spec.allLayers())) {
            throw new IllegalArgumentException("refine strength needs a refine stage and the same layers");
        }
        ParameterSet copy = zeros(inference);
        copy.copyFrom(this);
        ConvWeights last = copy.layers.get(copy.layers.size() - 1);
        for (float[] a : List.of(last.weight(), last.bias())) {
            for (int j = 0; j < a.length; j++) {
                a[j] *= strength;
            }
        }
        return copy;
    }

    /** The feature layers (low resolution; the last is the head), arrays shared with this set. */
    public List<ConvWeights> layers() {
        return layers.subList(0, spec.layers().size());
    }

    /** Every layer, features then refine, arrays shared with this set. */
    public List<ConvWeights> allLayers() {
        return layers;
    }

    /** The refine stage's layers (output resolution), arrays shared with this set; empty without one. */
    public List<ConvWeights> refine() {
        return layers.subList(spec.layers().size(), layers.size());
    }

    /** Every array in a fixed order: layer 0 weight, layer 0 bias, layer 1 weight, … */
    public List<float[]> arrays() {
        List<float[]> out = new ArrayList<>();
        for (ConvWeights w : layers) {
            out.add(w.weight());
            out.add(w.bias());
        }
        return out;
    }

    /** Safetensors names matching {@link #arrays()}. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (ConvWeights w : layers) {
            out.add(w.layer().weightName());
            out.add(w.layer().biasName());
        }
        return out;
    }

    public void clear() {
        for (float[] a : arrays()) {
            java.util.Arrays.fill(a, 0f);
        }
    }

    /** this += scale · other, array by array in a fixed order (so sums over streams are deterministic). */
    public void addScaled(ParameterSet other, float scale) {
        List<float[]> mine = arrays();
        List<float[]> theirs = other.arrays();
        for (int a = 0; a < mine.size(); a++) {
            float[] dst = mine.get(a);
            float[] src = theirs.get(a);
            for (int j = 0; j < dst.length; j++) {
                dst[j] += scale * src[j];
            }
        }
    }

    public void copyFrom(ParameterSet other) {
        List<float[]> mine = arrays();
        List<float[]> theirs = other.arrays();
        for (int a = 0; a < mine.size(); a++) {
            System.arraycopy(theirs.get(a), 0, mine.get(a), 0, mine.get(a).length);
        }
    }

    /** √Σ v² over every array. */
    public double norm() {
        double s = 0;
        for (float[] a : arrays()) {
            for (float v : a) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** Whether every value is finite. */
    public boolean finite() {
        for (float[] a : arrays()) {
            for (float v : a) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An immutable model of a snapshot of these weights, with {@code metadata} (architecture, version, provenance). */
    public NetModel toModel(Map<String, String> metadata) {
        List<ConvWeights> copy = new ArrayList<>();
        for (ConvWeights w : layers) {
            copy.add(new ConvWeights(w.layer(), w.weight().clone(), w.bias().clone()));
        }
        return NetModel.of(spec, copy, metadata);
    }
}
