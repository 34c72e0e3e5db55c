package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.Perceptual;

/**
 * CPU twin of {@link TaauUpscaler} (vr-net's fuse.comp with a zero head): the non-learned temporal upsampling
 * baseline (TAAU), one instance per eye holding that eye's history. It is the bar vr-net must beat, so it is the standard, well-tuned algorithm rather than a strawman:
 *
 * <ol>
 * <li><b>Current frame.</b> The 3 × 3 low-resolution samples around the output pixel, at their jittered positions
 * (docs/conventions.md), are weighted by a Gaussian of their distance in output pixels ({@link #KERNEL_SIGMA};
 * Karis 2014 uses a Gaussian fit to Blackman-Harris), normalised to "samples": one frame brings one sample per output
 * pixel on average, more where a sample lands near the pixel centre. A smoother estimate (the same neighbourhood,
 * Karis's kernel in low-resolution pixels) fills in where the pixel has less than one sample of evidence in total, i.e.
 * right after a reset or a disocclusion.</li>
 * <li><b>History.</b> Output-resolution colour and accumulated weight, reprojected with the motion vector of the
 * closest sample (largest reverse-Z depth) of the 3 × 3 neighbourhood — Karis 2014's dilation, so edges move with the
 * foreground — scaled by the ratio to output pixels, and resampled with Lanczos-3 ({@link Perceptual#lanczos3};
 * Karis uses Catmull-Rom). Off-screen reprojection or {@code resetHistory} drops it.</li>
 * <li><b>Rejection.</b> Variance clipping (Salvi 2016, "An Excursion in Temporal Supersampling"): history is clipped
 * toward the neighbourhood mean into the box μ ± γσ in YCoCg; how far it was outside also lowers its weight.</li>
 * <li><b>Blend.</b> new = (A·history + W·current) / (A + W): W is this frame's sample mass and A the history weight,
 * capped at 10 at rest (α ≈ 0.1, Karis 2014) and lower with motion — the exponential blend with α raised when a
 * sample lands near the pixel centre, on disocclusion (A clipped away) and at speed, as surveyed by Yang, Liu and
 * Salvi 2020, "A Survey of Temporal Antialiasing Techniques" (§4–5).</li>
 * <li><b>Fireflies.</b> All filtering, clipping and blending happens on c / (1 + Y) (Karis 2014's luminance
 * weighting, inverted at the end), so one very bright sample cannot dominate.</li>
 * </ol>
 *
 * History is stored rounded to fp16 (RGBA16F on the GPU: RGB linear HDR, A the accumulated weight) so the twin follows
 * the kernel's feedback loop exactly. Output alpha is the current frame's kernel-weighted coverage. Lens centre and
 * radius play no part (a zero head leaves them unused). Use from one thread; {@link #frame} resolves rows in parallel
 * on the common fork-join pool (about half a second per 1032 × 1104 eye on two cores).
 */
public final class TaauReference {
    /**
     * Accumulation kernel width σ = 0.35 output pixels, i.e. exp(−k·d²) with k = 1 / (2σ²): between the footprint of a
     * box pixel (σ = 1/√12 ≈ 0.29, what a supersampled reference integrates) and Karis 2014's Blackman-Harris fit
     * (σ ≈ 0.47, k = 2.29, tuned for 1× TAA). Narrower keeps the detail upsampling is for; on the synthetic test scene
     * σ = 0.35 scores +1 dB over Karis's width at rest and in motion.
     */
    public static final float KERNEL_SIGMA = 0.35f;

    private final int outWidth;
    private final int outHeight;
    private final FuseConstants constants;
    private ImageData history;

    public TaauReference(int outWidth, int outHeight, TaauSettings settings) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("bad output size " + outWidth + "x" + outHeight);
        }
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.constants = constants(settings);
    }

    /**
     * TAAU is vr-net's fuse op with a zero head: the same gather, history, clip and blend (reference/FuseSample), with
     * the kernel width, history caps and clip width fixed at their base values. Octave ranges and the residual play
     * no part at a zero head.
     */
    static FuseConstants constants(TaauSettings s) {
        return new FuseConstants(KERNEL_SIGMA, 0f, 0f, s.clipGamma(), 0f, 0f, s.maxHistoryWeight(),
                s.minHistoryWeight(), s.fastMotion(), s.rejection());
    }

    /**
     * Reconstructs one frame and advances the history. The first frame after construction is always a reset.
     *
     * @return a new RGBA output image (linear HDR colour, coverage)
     */
    public ImageData frame(GBufferData input, boolean resetHistory) {
        boolean reset = resetHistory || history == null;
        ImageData zeroHead = ImageData.zeros(input.width(), input.height(), 6);
        FuseOp.Fused fused = FuseOp.apply(zeroHead, input, reset ? null : history,
                EyeParams.centred(outWidth, outHeight, reset), constants);
        history = fused.history();
        return fused.output();
    }

    /** The current history (RGB linear, A accumulated weight), or null before the first frame. Do not modify. */
    public ImageData history() {
        return history;
    }
}
