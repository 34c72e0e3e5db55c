package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.reference.PackOp;
import dev.ocular.vrnet.reference.ReferenceNet;
import dev.ocular.vrnet.reference.ToneMap;
import java.util.List;

/**
 * One eye-frame through the whole net, forward and (optionally) backward: pack (the reference op; it has no
 * parameters) → each convolution → fuse → refine (when the spec has one) → loss against the reference, then the
 * gradients back to every weight. Truncated back-propagation through time (README §3, "For the trainer"): with a
 * one-frame window history is detached, so a frame's gradient never flows into the frames before it; with a two-frame
 * window it also flows through history — both places a frame reads it, the fuse op and the pack op's history
 * channels — into the previous frame's fuse op and convolutions, so the net sees what the history it leaves buys the
 * next frame (the history cap's gradient is one-sided otherwise: a cap above the stored weight changes nothing this
 * frame). The previous frame's activations are the ones its forward pass computed, one optimiser step earlier, as in
 * online truncated BPTT (Williams and Peng 1990). The temporal loss's anchor (the previous displayed frame) stays
 * detached. Owns its activation buffers, reused while shapes stay the same with a one-frame window (with two, each
 * frame's are kept in its {@link Result}): one instance per thread.
 */
public final class FramePass {
    /**
     * What a frame leaves behind.
     *
     * @param loss   the frame's loss
     * @param output the next frame's history (RGB as RGBA16F keeps it, A = accumulated weight)
     * @param shown  D(y), display-referred output: the next frame's temporal-loss anchor
     * @param target D(reference), likewise
     * @param depth  the frame's low-resolution depth: the next frame's disocclusion input compares with it
     * @param trace  what the next frame's backward pass needs to reach into this one (two-frame window), else null
     */
    public record Result(double loss, ImageData output, Planes shown, Planes target, ImageData depth, Trace trace) {
    }

    /** A frame's forward state, kept for the next frame's backward pass: its inputs, history and activations. */
    record Trace(TrainFrame frame, ImageData usable, Planes[] activations) {
    }

    private final int window;
    private final FuseGrad fuse = new FuseGrad();
    private final RefineGrad refine = new RefineGrad();
    private final HistoryAdjoint adjoint = new HistoryAdjoint();
    private Planes[] activations;
    private Planes[] activationGrads;

    /** A pass with a one-frame window: history detached. */
    public FramePass() {
        this(1);
    }

    /** @param window frames a gradient reaches back through, 1 (history detached) or 2 */
    public FramePass(int window) {
        if (window != 1 && window != 2) {
            throw new IllegalArgumentException("back-propagation window " + window + " frames: 1 or 2");
        }
        this.window = window;
    }

    /**
     * @param history   the previous output of this sequence (null on the first frame); the reset flag and size
     *                  changes are applied here exactly as the executors apply them
     * @param previous  the previous frame's result of this sequence, or null: anchors the temporal loss and gives
     *                  the previous depth
     * @param gradients receives dL/d weights (added to), or null for a forward-only pass
     */
    public Result run(ParameterSet params, TrainFrame frame, ImageData history, Result previous, DisplayLoss loss,
            ParameterSet gradients) {
        EyeParams p = frame.params();
        ImageData usable = ReferenceNet.usableHistory(history, p);
        List<ConvWeights> layers = params.layers();
        allocate(layers, frame);
        activations[0].copyFrom(PackOp.apply(frame.gbuffer(), usable, previous == null ? null : previous.depth(), p,
                params.spec().motionSoftsign(), params.spec().inputs()));
        for (int l = 0; l < layers.size(); l++) {
            ConvGrad.forward(layers.get(l), activations[l], activations[l + 1]);
        }
        Planes head = activations[layers.size()];
        Planes y = Planes.zeros(3, p.outWidth(), p.outHeight());
        ImageData output = fuse.forward(head, frame.gbuffer(), usable, p, params.spec().fuse(), y);
        boolean refined = !params.refine().isEmpty();
        Planes refinedY = y;
        if (refined) {
            refinedY = Planes.zeros(3, p.outWidth(), p.outHeight());
            refine.forward(params.refine(), params.spec(), y, head, p, refinedY);
        }
        Planes target = DisplayLoss.display(toneMappedReference(frame.reference()));
        Planes shown = Planes.zeros(3, p.outWidth(), p.outHeight());
        Planes gradShown = Planes.zeros(3, p.outWidth(), p.outHeight());
        boolean temporal = previous != null && !p.reset() && previous.shown().sameShape(shown);
        double value = loss.evaluate(refinedY, target, temporal ? previous.shown() : null,
                temporal ? previous.target() : null, shown, gradShown);
        // The previous frame is reachable only through the very history it left, when this frame could use it.
        Trace into = window == 2 && usable != null && previous != null && previous.trace() != null
                && previous.output() == history ? previous.trace() : null;
        if (gradients != null) {
            backward(params, frame, usable, y, gradShown, gradients, into);
        }
        Trace trace = window == 2 ? new Trace(frame, usable, activations) : null;
        return new Result(value, output, shown, target, frame.gbuffer().depth(), trace);
    }

    /**
     * @param y    the fused output (tone-mapped), what the refine stage read
     * @param into the previous frame's trace when the gradient reaches back into it, else null
     */
    private void backward(ParameterSet params, TrainFrame frame, ImageData usable, Planes y, Planes gradShown,
            ParameterSet gradients, Trace into) {
        List<ConvWeights> layers = params.layers();
        int last = layers.size();
        for (int l = 1; l <= last; l++) {
            java.util.Arrays.fill(activationGrads[l].data(), 0f);
        }
        Planes gradY = gradShown;
        if (!params.refine().isEmpty()) {
            gradY = Planes.zeros(3, y.width(), y.height());
            refine.backward(params.refine(), gradients.refine(), params.spec(), y, activations[last], frame.params(),
                    gradShown, gradY, activationGrads[last]);
        }
        Planes gradHistory = into == null ? null : Planes.zeros(4, usable.width(), usable.height());
        fuse.backward(activations[last], frame.gbuffer(), usable, frame.params(), params.spec().fuse(), gradY,
                activationGrads[last], gradHistory);
        // The packed input has no parameters upstream: its gradient is wanted only for the history it read.
        Planes gradInput = into == null ? null : Planes.zeros(activations[0].channels(), activations[0].width(),
                activations[0].height());
        convBackward(layers, activations, activationGrads, gradients, gradInput);
        if (into == null) {
            return;
        }
        adjoint.packRead(frame.gbuffer(), usable, frame.params(), gradInput, gradHistory);
        // Into the previous frame: its output is this frame's history; only its fuse op and convolutions made it
        // (the refine stage filters what is shown, not what is kept).
        Planes[] before = into.activations();
        Planes[] beforeGrads = new Planes[before.length];
        for (int l = 1; l < before.length; l++) {
            beforeGrads[l] = Planes.zeros(before[l].channels(), before[l].width(), before[l].height());
        }
        TrainFrame earlier = into.frame();
        fuse.backwardThroughOutput(before[last], earlier.gbuffer(), into.usable(), earlier.params(),
                params.spec().fuse(), gradHistory, beforeGrads[last]);
        convBackward(layers, before, beforeGrads, gradients, null);
    }

    /** Back through the convolutions, from dL/d head in {@code grads[last]}; {@code gradInput} may be null. */
    private static void convBackward(List<ConvWeights> layers, Planes[] acts, Planes[] grads, ParameterSet gradients,
            Planes gradInput) {
        List<ConvWeights> weightGrads = gradients.layers();
        for (int l = layers.size() - 1; l >= 0; l--) {
            Planes gradIn = l == 0 ? gradInput : grads[l];
            ConvGrad.backward(layers.get(l), acts[l], acts[l + 1], grads[l + 1], gradIn,
                    weightGrads.get(l).weight(), weightGrads.get(l).bias());
        }
    }

    /** T(reference.rgb) as 3 planes: the tone-mapped target. */
    static Planes toneMappedReference(ImageData reference) {
        Planes out = Planes.zeros(3, reference.width(), reference.height());
        float[] src = reference.data();
        float[] dst = out.data();
        int pixels = out.planeSize();
        int c = reference.channels();
        for (int i = 0; i < pixels; i++) {
            for (int k = 0; k < 3; k++) {
                dst[k * pixels + i] = ToneMap.forward(src[i * c + k]);
            }
        }
        return out;
    }

    private void allocate(List<ConvWeights> layers, TrainFrame frame) {
        int w = frame.gbuffer().width();
        int h = frame.gbuffer().height();
        // With a two-frame window the last frame's trace holds the buffers: each frame gets fresh ones.
        if (window == 1 && activations != null && activations[0].width() == w && activations[0].height() == h) {
            return;
        }
        activations = new Planes[layers.size() + 1];
        activationGrads = new Planes[layers.size() + 1];
        activations[0] = Planes.zeros(layers.get(0).layer().in(), w, h);
        for (int l = 0; l < layers.size(); l++) {
            activations[l + 1] = Planes.zeros(layers.get(l).layer().out(), w, h);
            activationGrads[l + 1] = Planes.zeros(layers.get(l).layer().out(), w, h);
        }
    }
}
