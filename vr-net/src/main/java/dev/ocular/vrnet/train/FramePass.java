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
 * gradients back to every weight. History
 * is detached: truncated back-propagation through time with a one-frame window, so a frame's gradient never flows into
 * the frames before it (README §3, "For the trainer"). Owns its activation buffers, reused while shapes stay the same:
 * one instance per thread.
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
     */
    public record Result(double loss, ImageData output, Planes shown, Planes target, ImageData depth) {
    }

    private final FuseGrad fuse = new FuseGrad();
    private final RefineGrad refine = new RefineGrad();
    private Planes[] activations;
    private Planes[] activationGrads;

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
        if (gradients != null) {
            backward(params, frame, usable, y, gradShown, gradients);
        }
        return new Result(value, output, shown, target, frame.gbuffer().depth());
    }

    /** @param y the fused output (tone-mapped), what the refine stage read */
    private void backward(ParameterSet params, TrainFrame frame, ImageData usable, Planes y, Planes gradShown,
            ParameterSet gradients) {
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
        fuse.backward(activations[last], frame.gbuffer(), usable, frame.params(), params.spec().fuse(), gradY,
                activationGrads[last]);
        List<ConvWeights> grads = gradients.layers();
        for (int l = last - 1; l >= 0; l--) {
            // The packed input (l = 0) has no parameters upstream: skip its gradient.
            Planes gradIn = l == 0 ? null : activationGrads[l];
            ConvGrad.backward(layers.get(l), activations[l], activations[l + 1], activationGrads[l + 1], gradIn,
                    grads.get(l).weight(), grads.get(l).bias());
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
        if (activations != null && activations[0].width() == w && activations[0].height() == h) {
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
