package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetSpec;
import java.util.List;

/**
 * The refine stage (spec version 3, gated since version 4; README "Refine"): a small convolution stack at output
 * resolution that reads the fused output and the head's guide channels and writes a residual, scaled by the
 * {@link ContrastGate} and added to the output in the tone-mapped space the loss is measured in. It restores what the fuse op's resampling blurs and what a low-resolution head cannot address
 * per output pixel. The residual changes only what is shown: history stays the fused pixel, so the stage has no
 * feedback loop and a frame's gradient through it is exact under one-frame truncated back-propagation. CPU twin of
 * shaders/refine_input.glsl (written by fuse.comp), the convolution kernels and shaders/refine_apply.comp. Pure.
 */
public final class RefineOp {
    private RefineOp() {
    }

    /**
     * The stage's input at output resolution: T(fused rgb) in channels 0–2 (reference/ToneMap), then each guide
     * channel of the head bilinearly interpolated at the output pixel's centre, as the fuse op reads its parameters.
     *
     * @param fused the fuse op's output (linear RGBA)
     * @param head  the head at low resolution (6 + guides channels)
     */
    public static ImageData input(ImageData fused, ImageData head, GBufferData g, EyeParams p, int guides) {
        ImageData in = ImageData.zeros(p.outWidth(), p.outHeight(), NetSpec.REFINE_COLOUR + guides);
        for (int y = 0; y < p.outHeight(); y++) {
            float hy = FuseOp.lowResCentre(y, p.outHeight(), g.height());
            for (int x = 0; x < p.outWidth(); x++) {
                float hx = FuseOp.lowResCentre(x, p.outWidth(), g.width());
                for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                    in.set(x, y, c, ToneMap.forward(fused.get(x, y, c)));
                }
                for (int i = 0; i < guides; i++) {
                    in.set(x, y, NetSpec.REFINE_COLOUR + i, Bilinear.sample(head, hx, hy, NetSpec.HEAD.size() + i));
                }
            }
        }
        return in;
    }

    /** The whole stage: input, every refine layer (reference/ConvOp at output resolution), then {@link #apply}. */
    public static ImageData run(ImageData fused, ImageData head, GBufferData g, EyeParams p, NetSpec spec,
            List<ConvWeights> refine) {
        ImageData in = input(fused, head, g, p, spec.guides());
        ImageData x = in;
        for (ConvWeights w : refine) {
            x = ConvOp.apply(x, w);
        }
        return apply(fused, in, residual(in, x, spec), spec.refineGate(), spec.refineClamp());
    }

    /** The residual the last refine layer's output makes: itself, or (refineKernel k) its filter of the input. */
    public static ImageData residual(ImageData input, ImageData last, NetSpec spec) {
        return spec.refineKernel() == 0 ? last : kernelResidual(input, last, spec.refineKernel());
    }

    /** The residual of {@link KernelResidual}: the k² weights in {@code weights} filtering the input's colour. */
    public static ImageData kernelResidual(ImageData input, ImageData weights, int k) {
        ImageData out = ImageData.zeros(input.width(), input.height(), NetSpec.REFINE_COLOUR);
        KernelResidual.residualImage(input.data(), StridedLayout.interleaved(input), weights.data(),
                StridedLayout.interleaved(weights), k, out.data(), StridedLayout.interleaved(out));
        return out;
    }

    /**
     * The fused output with the residual (3 channels at output size), scaled by the {@link ContrastGate} of the
     * stage's input, added per channel to its tone-mapped colour as the input holds it (channels 0–2 of
     * {@code input}); alpha is kept.
     *
     * @param gate  the spec's refineGate τ (0: no gate)
     * @param clamp the spec's refineClamp: keep each refined channel within its 3 × 3 neighbourhood's range
     */
    public static ImageData apply(ImageData fused, ImageData input, ImageData residual, float gate, boolean clamp) {
        if (residual.width() != fused.width() || residual.height() != fused.height()
                || residual.channels() != NetSpec.REFINE_COLOUR) {
            throw new IllegalArgumentException("residual " + residual.width() + "x" + residual.height() + "x"
                    + residual.channels() + " does not match the output " + fused.width() + "x" + fused.height()
                    + "x3");
        }
        ImageData out = ImageData.zeros(fused.width(), fused.height(), 4);
        StridedLayout inputAt = StridedLayout.interleaved(input);
        ContrastGate.Extremes[] bounds = ContrastGate.channels();
        float[] in = input.data();
        for (int y = 0; y < fused.height(); y++) {
            for (int x = 0; x < fused.width(); x++) {
                float g = ContrastGate.gate(ContrastGate.range(in, inputAt, x, y, bounds, null), gate);
                for (int c = 0; c < NetSpec.REFINE_COLOUR; c++) {
                    float lo = clamp ? in[bounds[c].min] : Float.NEGATIVE_INFINITY;
                    float hi = clamp ? in[bounds[c].max] : Float.POSITIVE_INFINITY;
                    out.set(x, y, c, refined(fused.get(x, y, c), input.get(x, y, c), g * residual.get(x, y, c), lo,
                            hi));
                }
                out.set(x, y, 3, fused.get(x, y, 3));
            }
        }
        return out;
    }

    /**
     * One channel: T⁻¹(refinedToneMapped(y, residual, lo, hi)), y = T(linear) as the stage's input holds it. A residual
     * of exactly zero returns {@code linear} unchanged, so a zero last layer is the fuse op bit for bit (the round trip
     * through T would move it by an ulp).
     */
    public static float refined(float linear, float y, float residual, float lo, float hi) {
        if (residual == 0f) {
            return linear;
        }
        return ToneMap.inverse(refinedToneMapped(y, residual, lo, hi));
    }

    /**
     * The same in tone-mapped space, what the loss sees: y + residual clamped to [lo, hi] (the neighbourhood's range
     * under refineClamp, else unbounded: ±∞), then to [0, MAX_TONEMAPPED]; y itself at zero residual. The
     * neighbourhood clamp is TAA's overshoot rule applied to the refine stage: a per-pixel filter that sharpens past
     * every neighbour is ringing, which ꟻLIP weighs far more than PSNR does — clamping v4.1's trained output this way
     * lowered its ꟻLIP below TAAU's on unseen paths and raised its PSNR (docs/vrnet-model-card.md §0-v4.2).
     */
    public static float refinedToneMapped(float y, float residual, float lo, float hi) {
        if (residual == 0f) {
            return y;
        }
        float bounded = Math.min(Math.max(y + residual, lo), hi);
        return Math.min(Math.max(bounded, 0f), ToneMap.MAX_TONEMAPPED);
    }
}
