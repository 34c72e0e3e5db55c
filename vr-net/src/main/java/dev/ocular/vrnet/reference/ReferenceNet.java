package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU reference executor, float32: pack → each layer → fuse → refine, per eye, keeping each eye's fused history for its
 * next frame. The oracle the GPU paths are tested against, and the forward pass a trainer differentiates
 * ({@link #forward} exposes every intermediate tensor). Not thread-safe.
 */
public final class ReferenceNet implements VrNetRunner {
    /**
     * Every tensor of one eye's forward pass. {@code layers.get(i)} is layer i's output; the last is the head.
     * {@code fused} is the fuse op's output, {@code output} what is shown (the fused output refined, or the fused
     * output itself without a refine stage); {@code history} is what the next frame reads as history (see
     * {@link FuseOp.Fused}): the fused pixel, never the refined one.
     */
    public record Forward(ImageData packed, List<ImageData> layers, ImageData fused, ImageData output,
            ImageData history) {
    }

    private final NetModel model;
    private final List<ImageData> history = new ArrayList<>();
    /** Each eye's low-resolution depth of the last frame: the disocclusion input compares it with this frame's. */
    private final List<ImageData> depths = new ArrayList<>();

    public ReferenceNet(NetModel model) {
        this.model = model;
    }

    /**
     * One eye's forward pass. {@code history} is the previous output, or null when it is not valid;
     * {@code previousDepth} the previous frame's low-resolution depth, or null (read only with valid history). Pure.
     */
    public static Forward forward(NetModel model, GBufferData g, ImageData history, ImageData previousDepth,
            EyeParams p) {
        ImageData packed = PackOp.apply(g, history, previousDepth, p, model.spec().motionSoftsign(),
                model.spec().inputs());
        List<ImageData> layers = new ArrayList<>();
        ImageData x = packed;
        for (ConvWeights w : model.layers()) {
            x = ConvOp.apply(x, w);
            layers.add(x);
        }
        FuseOp.Fused fused = FuseOp.apply(x, g, history, p, model.spec().fuse());
        ImageData shown = model.refine().isEmpty() ? fused.output()
                : RefineOp.run(fused.output(), x, g, p, model.spec(), model.refine());
        return new Forward(packed, List.copyOf(layers), fused.output(), shown, fused.history());
    }

    /**
     * The history an eye may use this frame: last frame's output unless the frame asks for a reset or the output size
     * changed (the GPU executors apply the same rule).
     */
    public static ImageData usableHistory(ImageData previous, EyeParams p) {
        if (p.reset() || previous == null || previous.width() != p.outWidth()
                || previous.height() != p.outHeight()) {
            return null;
        }
        return previous;
    }

    @Override
    public NetPath path() {
        return NetPath.REFERENCE;
    }

    @Override
    public List<ImageData> run(List<EyeInput> eyes) {
        VrNetRunner.checkEyes(eyes);
        List<ImageData> outputs = new ArrayList<>();
        List<ImageData> next = new ArrayList<>();
        for (int e = 0; e < eyes.size(); e++) {
            EyeInput eye = eyes.get(e);
            ImageData previous = e < history.size() ? history.get(e) : null;
            Forward f = forward(model, eye.gbuffer(), usableHistory(previous, eye.params()),
                    e < depths.size() ? depths.get(e) : null, eye.params());
            outputs.add(f.output());
            next.add(f.history());
        }
        history.clear();
        history.addAll(next);
        depths.clear();
        eyes.forEach(eye -> depths.add(eye.gbuffer().depth()));
        return outputs;
    }

    @Override
    public void close() {
        history.clear();
        depths.clear();
    }
}
