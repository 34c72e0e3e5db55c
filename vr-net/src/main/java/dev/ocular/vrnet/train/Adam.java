package dev.ocular.vrnet.train;

import dev.ocular.vrnet.model.NetSpec;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1) with the paper's defaults
 * β1 = 0.9, β2 = 0.999, ε = 1e-8 and bias-corrected moments. The moments are part of a checkpoint, so a resumed run
 * continues exactly where it stopped.
 */
public final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final ParameterSet first;
    private final ParameterSet second;
    private long steps;

    public Adam(NetSpec spec) {
        this(ParameterSet.zeros(spec), ParameterSet.zeros(spec), 0);
    }

    /** Restores a saved state. */
    public Adam(ParameterSet first, ParameterSet second, long steps) {
        this.first = first;
        this.second = second;
        this.steps = steps;
    }

    /** params −= lr · m̂ / (√v̂ + ε), after folding {@code grads} into the moments. */
    public void step(ParameterSet params, ParameterSet grads, double learningRate) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        List<float[]> p = params.arrays();
        List<float[]> g = grads.arrays();
        List<float[]> m = first.arrays();
        List<float[]> v = second.arrays();
        for (int a = 0; a < p.size(); a++) {
            float[] pa = p.get(a);
            float[] ga = g.get(a);
            float[] ma = m.get(a);
            float[] va = v.get(a);
            for (int j = 0; j < pa.length; j++) {
                double mj = BETA1 * ma[j] + (1 - BETA1) * ga[j];
                double vj = BETA2 * va[j] + (1 - BETA2) * (double) ga[j] * ga[j];
                ma[j] = (float) mj;
                va[j] = (float) vj;
                pa[j] -= (float) (learningRate * (mj / c1) / (Math.sqrt(vj / c2) + EPSILON));
            }
        }
    }

    public ParameterSet first() {
        return first;
    }

    public ParameterSet second() {
        return second;
    }

    public long steps() {
        return steps;
    }
}
