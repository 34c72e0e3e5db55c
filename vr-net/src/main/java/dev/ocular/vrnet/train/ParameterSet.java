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
    private final List<ConvWeights> layers;

    private ParameterSet(NetSpec spec, List<ConvWeights> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
    }

    /** All zeros, shaped like {@code spec}'s layers. */
    public static ParameterSet zeros(NetSpec spec) {
        List<ConvWeights> layers = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            layers.add(new ConvWeights(l, new float[(int) l.macsPerPixel()], new float[l.out()]));
        }
        return new ParameterSet(spec, layers);
    }

    /** A copy of a model's weights. */
    public static ParameterSet copyOf(NetModel model) {
        List<ConvWeights> layers = new ArrayList<>();
        for (ConvWeights w : model.layers()) {
            layers.add(new ConvWeights(w.layer(), w.weight().clone(), w.bias().clone()));
        }
        return new ParameterSet(model.spec(), layers);
    }

    /**
     * The trainer's starting point, seeded: He-normal hidden layers (He et al. 2015, std √(2 / fan-in)) and a head
     * whose weights are small (std 0.1 / √fan-in) and whose biases start at a plain TAA: σ ≈ 0.5 low-resolution px,
     * α ≈ 0.15, γ ≈ 1.25, residual 0 — so training begins from a working reconstruction, not from noise.
     */
    public static ParameterSet initial(NetSpec spec, long seed) {
        Random random = new Random(seed);
        ParameterSet p = zeros(spec);
        for (int l = 0; l < p.layers.size(); l++) {
            ConvWeights w = p.layers.get(l);
            boolean head = l == p.layers.size() - 1;
            int fanIn = w.layer().in() * w.layer().kind().taps();
            double std = head ? 0.1 / Math.sqrt(fanIn) : Math.sqrt(2.0 / fanIn);
            for (int j = 0; j < w.weight().length; j++) {
                w.weight()[j] = (float) (random.nextGaussian() * std);
            }
        }
        var k = spec.fuse();
        float[] headBias = p.layers.get(p.layers.size() - 1).bias();
        headBias[0] = logit(0.5f, k.sigmaMin(), k.sigmaMax());
        headBias[1] = logit(0.15f, k.alphaMin(), k.alphaMax());
        headBias[2] = logit(1.25f, k.gammaMin(), k.gammaMax());
        return p;
    }

    /** The raw head value whose squashed parameter is {@code value} in [lo, hi] (clamped inside the open range). */
    static float logit(float value, float lo, float hi) {
        if (!(hi > lo)) {
            return 0f;
        }
        double s = Math.min(Math.max((value - lo) / (hi - lo), 1e-3), 1 - 1e-3);
        return (float) Math.log(s / (1 - s));
    }

    public NetSpec spec() {
        return spec;
    }

    /** The layers, arrays shared with this set (what the forward pass reads). */
    public List<ConvWeights> layers() {
        return layers;
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
