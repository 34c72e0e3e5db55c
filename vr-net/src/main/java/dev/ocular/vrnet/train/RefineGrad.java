package dev.ocular.vrnet.train;

import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.ContrastGate;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.KernelResidual;
import dev.ocular.vrnet.reference.RefineOp;
import dev.ocular.vrnet.reference.StridedLayout;
import dev.ocular.vrnet.reference.ToneMap;
import java.util.List;

/**
 * The refine stage (README "Refine", CPU oracle {@code reference/RefineOp}) on planar tensors, forward and backward:
 * input = [y, guides bilinearly read from the head], the refine convolutions, then y' = clamp(y + g·residual), g the
 * {@link ContrastGate} of y, the clamp to [0, MAX_TONEMAPPED] and, under refineClamp, first to the neighbourhood's
 * range of y's channel. The gradient reaches the refine weights, the fused output y (directly, through the input,
 * through the gate's range: +1 at the neighbourhood's maximum, −1 at its minimum, where g < 1, and where the
 * neighbourhood clamp binds, to the neighbour that set the bound) and the head's guide channels (through the bilinear
 * read's transpose). History never sees the residual, so nothing here reaches
 * earlier frames. Owns its activation buffers, reused while the output size stays the same: one instance per thread.
 */
final class RefineGrad {
    private final HeadTaps taps = new HeadTaps();
    private final ContrastGate.Extremes extremes = new ContrastGate.Extremes();
    private final ContrastGate.Extremes[] channels = ContrastGate.channels();
    private Planes[] activations;
    private Planes[] grads;
    /**
     * With a per-pixel kernel (refineKernel k > 0): the residual it makes, and dL/d that residual; null without one
     * (the last layer's output is the residual then, and a full-size plane pair per thread would be wasted).
     */
    private Planes kernelResidual;
    private Planes kernelResidualGrad;
    /** Per output pixel: the gate g, and where its range's maximum and minimum were (indices into y's planes). */
    private float[] gate;
    private float[] range;
    private int[] rangeMax;
    private int[] rangeMin;
    /** Under refineClamp, per channel value: where its neighbourhood's maximum and minimum were; else null. */
    private int[] boundMax;
    private int[] boundMin;

    /**
     * @param y     the fused output, tone-mapped (3 planes at output size)
     * @param head  the head (6 + guides planes at low resolution)
     * @param shown receives y', the refined output the loss sees (3 planes at output size)
     */
    void forward(List<ConvWeights> refine, NetSpec spec, Planes y, Planes head, EyeParams p, Planes shown) {
        int guides = spec.guides();
        float tau = spec.refineGate();
        int kernel = spec.refineKernel();
        boolean clamp = spec.refineClamp();
        allocate(refine, kernel, clamp, p);
        Planes in = activations[0];
        int pixels = y.planeSize();
        System.arraycopy(y.data(), 0, in.data(), 0, NetSpec.REFINE_COLOUR * pixels);
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                placeTaps(ox, oy, head, p);
                int i = oy * p.outWidth() + ox;
                for (int c = 0; c < guides; c++) {
                    in.data()[(NetSpec.REFINE_COLOUR + c) * pixels + i] = taps.read(head, NetSpec.HEAD.size() + c);
                }
            }
        }
        for (int l = 0; l < refine.size(); l++) {
            ConvGrad.forward(refine.get(l), activations[l], activations[l + 1]);
        }
        float[] r = residual(activations[refine.size()], kernel, y).data();
        float[] yd = y.data();
        int w = p.outWidth();
        StridedLayout yAt = planar(y);
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < w; ox++) {
                int i = oy * w + ox;
                range[i] = ContrastGate.range(yd, yAt, ox, oy, channels, extremes);
                gate[i] = ContrastGate.gate(range[i], tau);
                rangeMax[i] = extremes.max;
                rangeMin[i] = extremes.min;
                for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                    int j = c * pixels + i;
                    float lo = Float.NEGATIVE_INFINITY;
                    float hi = Float.POSITIVE_INFINITY;
                    if (clamp) {
                        boundMax[j] = channels[c].max;
                        boundMin[j] = channels[c].min;
                        lo = yd[boundMin[j]];
                        hi = yd[boundMax[j]];
                    }
                    shown.data()[j] = RefineOp.refinedToneMapped(yd[j], gate[i] * r[j], lo, hi);
                }
            }
        }
    }

    /**
     * Given dL/dy' ({@code gradShown}), adds dL/d weights to {@code gradWeights}, writes dL/dy into {@code gradY}
     * (overwritten) and adds dL/d guides into {@code gradHead}; call right after {@link #forward} with the same inputs.
     */
    void backward(List<ConvWeights> refine, List<ConvWeights> gradWeights, NetSpec spec, Planes y, Planes head,
            EyeParams p, Planes gradShown, Planes gradY, Planes gradHead) {
        int guides = spec.guides();
        float tau = spec.refineGate();
        int kernel = spec.refineKernel();
        boolean clamp = spec.refineClamp();
        int last = refine.size();
        float[] r = kernel == 0 ? activations[last].data() : kernelResidual.data();
        float[] yd = y.data();
        float[] gs = gradShown.data();
        float[] gr = kernel == 0 ? grads[last].data() : kernelResidualGrad.data();
        float[] gy = gradY.data();
        int pixels = y.planeSize();
        java.util.Arrays.fill(gy, 0f);
        for (int i = 0; i < pixels; i++) {
            float gradGate = 0f;
            for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                int j = c * pixels + i;
                // clamp(y + g·r): slope 1 inside [0, MAX_TONEMAPPED], 0 where clamped; a zero product passes y through.
                // Under refineClamp a value bound by the neighbourhood is that neighbour's y: its gradient goes there.
                float step = gate[i] * r[j];
                float v = yd[j] + step;
                float lo = clamp ? yd[boundMin[j]] : Float.NEGATIVE_INFINITY;
                float hi = clamp ? yd[boundMax[j]] : Float.POSITIVE_INFINITY;
                float bounded = Math.min(Math.max(v, lo), hi);
                boolean inside = step == 0f || (bounded > 0f && bounded < ToneMap.MAX_TONEMAPPED);
                if (inside && step != 0f && (v < lo || v > hi)) {
                    gr[j] = 0f;
                    gy[v < lo ? boundMin[j] : boundMax[j]] += gs[j];
                    continue;
                }
                float gu = inside ? gs[j] : 0f;
                gr[j] = gu * gate[i];
                gy[j] += gu;
                gradGate += gu * r[j];
            }
            // g = range / τ below τ: the range moves with the neighbourhood's extremes, +1 and −1.
            if (tau > 0f && range[i] < tau && gradGate != 0f) {
                float gradRange = gradGate / tau;
                gy[rangeMax[i]] += gradRange;
                gy[rangeMin[i]] -= gradRange;
            }
        }
        if (kernel != 0) {
            kernelBackward(activations[last], kernel, y, gradY, grads[last]);
        }
        for (int l = 0; l < last; l++) {
            java.util.Arrays.fill(grads[l].data(), 0f);
        }
        for (int l = last - 1; l >= 0; l--) {
            ConvGrad.backward(refine.get(l), activations[l], activations[l + 1], grads[l + 1], grads[l],
                    gradWeights.get(l).weight(), gradWeights.get(l).bias());
        }
        float[] gin = grads[0].data();
        for (int j = 0; j < NetSpec.REFINE_COLOUR * pixels; j++) {
            gradY.data()[j] += gin[j];
        }
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                placeTaps(ox, oy, head, p);
                int i = oy * p.outWidth() + ox;
                for (int c = 0; c < guides; c++) {
                    taps.scatter(gradHead, NetSpec.HEAD.size() + c, gin[(NetSpec.REFINE_COLOUR + c) * pixels + i]);
                }
            }
        }
    }

    /** The residual the last layer's output makes: itself, or (kernel k) {@link KernelResidual}'s filter of y. */
    private Planes residual(Planes last, int kernel, Planes y) {
        if (kernel == 0) {
            return last;
        }
        KernelResidual.residualImage(y.data(), planar(y), last.data(), planar(last), kernel, kernelResidual.data(),
                planar(kernelResidual));
        return kernelResidual;
    }

    /** dL/d residual (in kernelResidualGrad) → dL/d weights (overwrites gradLast) and dL/dy (added to gradY). */
    private void kernelBackward(Planes last, int kernel, Planes y, Planes gradY, Planes gradLast) {
        java.util.Arrays.fill(gradLast.data(), 0f);
        StridedLayout colourAt = planar(y);
        StridedLayout weightsAt = planar(last);
        for (int oy = 0; oy < y.height(); oy++) {
            for (int ox = 0; ox < y.width(); ox++) {
                KernelResidual.backward(y.data(), colourAt, last.data(), weightsAt, kernel, ox, oy,
                        kernelResidualGrad.data(), colourAt, gradY.data(), gradLast.data());
            }
        }
    }

    private static StridedLayout planar(Planes t) {
        return StridedLayout.planar(t.width(), t.height());
    }

    /** The head taps output pixel (ox, oy) reads its guides through (FuseOp.headAt's position). */
    private void placeTaps(int ox, int oy, Planes head, EyeParams p) {
        taps.at(FuseOp.lowResCentre(ox, p.outWidth(), head.width()), FuseOp.lowResCentre(oy, p.outHeight(),
                head.height()), head.width(), head.height());
    }

    private void allocate(List<ConvWeights> refine, int kernel, boolean clamp, EyeParams p) {
        int w = p.outWidth();
        int h = p.outHeight();
        if (activations != null && activations.length == refine.size() + 1 && activations[0].width() == w
                && activations[0].height() == h && (kernel != 0) == (kernelResidual != null)
                && clamp == (boundMax != null)) {
            return;
        }
        boundMax = clamp ? new int[NetSpec.REFINE_COLOUR * w * h] : null;
        boundMin = clamp ? new int[NetSpec.REFINE_COLOUR * w * h] : null;
        gate = new float[w * h];
        range = new float[w * h];
        rangeMax = new int[w * h];
        rangeMin = new int[w * h];
        kernelResidual = kernel == 0 ? null : Planes.zeros(NetSpec.REFINE_COLOUR, w, h);
        kernelResidualGrad = kernel == 0 ? null : Planes.zeros(NetSpec.REFINE_COLOUR, w, h);
        activations = new Planes[refine.size() + 1];
        grads = new Planes[refine.size() + 1];
        activations[0] = Planes.zeros(refine.get(0).layer().in(), w, h);
        grads[0] = Planes.zeros(refine.get(0).layer().in(), w, h);
        for (int l = 0; l < refine.size(); l++) {
            activations[l + 1] = Planes.zeros(refine.get(l).layer().out(), w, h);
            grads[l + 1] = Planes.zeros(refine.get(l).layer().out(), w, h);
        }
    }
}
