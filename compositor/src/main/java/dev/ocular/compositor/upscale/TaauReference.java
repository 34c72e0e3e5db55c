package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.util.stream.IntStream;

/**
 * CPU twin of {@code taau.comp}: the non-learned temporal upsampling baseline (TAAU), one instance per eye holding that
 * eye's history. It is the bar vr-net must beat, so it is the standard, well-tuned algorithm rather than a strawman:
 *
 * <ol>
 * <li><b>Current frame.</b> The 3 × 3 low-resolution samples around the output pixel, at their jittered positions
 * (docs/conventions.md), are weighted by a Gaussian of their distance in output pixels ({@link #KERNEL_SHARPNESS};
 * Karis 2014 uses a Gaussian fit to Blackman-Harris), normalised to "samples": one frame brings one sample per output
 * pixel on average, more where a sample lands near the pixel centre. A smoother estimate (the same neighbourhood,
 * Karis's kernel in low-resolution pixels) fills in where the pixel has less than one sample of evidence in total, i.e.
 * right after a reset or a disocclusion.</li>
 * <li><b>History.</b> Output-resolution colour and accumulated weight, reprojected with the motion vector of the
 * closest sample (largest reverse-Z depth) of the 3 × 3 neighbourhood — Karis 2014's dilation, so edges move with the
 * foreground — scaled by the ratio to output pixels, and resampled with Lanczos-3 ({@link #lanczos3}; Karis uses
 * Catmull-Rom). Off-screen reprojection or {@code resetHistory} drops it.</li>
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
 * radius play no part. Use from one thread; {@link #frame} resolves rows in parallel on the common fork-join pool
 * (about half a second per 1032 × 1104 eye on two cores).
 */
public final class TaauReference {
    /**
     * Accumulation kernel exp(−k·d²), d in output pixels, k = 1 / (2σ²) with σ = 0.35: between the footprint of a box
     * pixel (σ = 1/√12 ≈ 0.29, what a supersampled reference integrates) and Karis 2014's Blackman-Harris fit
     * (σ ≈ 0.47, k = 2.29, tuned for 1× TAA). Narrower keeps the detail upsampling is for; on the synthetic test scene
     * σ = 0.35 scores +1 dB over Karis's width at rest and in motion.
     */
    public static final float KERNEL_SHARPNESS = 1f / (2f * 0.35f * 0.35f);
    /** ∫ exp(−k·d²) over the plane = π / k: the kernel's mass, which normalises weights to samples. */
    public static final float KERNEL_MASS = (float) (Math.PI / KERNEL_SHARPNESS);
    /** The fill-in estimate's kernel, in low-resolution pixels: Karis 2014's Blackman-Harris fit exp(−2.29·d²). */
    public static final float SMOOTH_SHARPNESS = 2.29f;
    /** Added to the clip box half-widths, so fp16 rounding of history never reads as rejection. */
    public static final float CLIP_EPSILON = 1f / 1024f;
    /** Largest finite fp16: inputs are clamped to it so the tone map stays invertible. */
    public static final float FP16_MAX = 65504f;

    private final int outWidth;
    private final int outHeight;
    private final TaauSettings settings;
    private ImageData history;

    public TaauReference(int outWidth, int outHeight, TaauSettings settings) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("bad output size " + outWidth + "x" + outHeight);
        }
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.settings = settings;
    }

    /**
     * Reconstructs one frame and advances the history. The first frame after construction is always a reset.
     *
     * @return a new RGBA output image (linear HDR colour, coverage)
     */
    public ImageData frame(GBufferData input, boolean resetHistory) {
        boolean reset = resetHistory || history == null;
        ImageData out = ImageData.poisoned(outWidth, outHeight, 4);
        ImageData next = ImageData.poisoned(outWidth, outHeight, 4);
        // Pixels are independent (each reads the old history, writes its own texel), so rows run in parallel.
        IntStream.range(0, outHeight).parallel().forEach(y -> {
            TaauNeighbourhood n = new TaauNeighbourhood();
            float[] hist = new float[4];
            for (int x = 0; x < outWidth; x++) {
                n.gather(input, x, y, outWidth, outHeight);
                boolean valid = !reset && sampleHistory(n, x, y, hist);
                resolve(n, valid, hist, x, y, out, next);
            }
        });
        history = next;
        return out;
    }

    /** The current history (RGB linear, A accumulated weight), or null before the first frame. Do not modify. */
    public ImageData history() {
        return history;
    }

    /**
     * History at the reprojected position: colour by a 6 × 6 Lanczos-3 filter applied to tone-mapped taps (so a
     * bright texel's ringing cannot swamp its neighbours), weight bilinear; false when the position is off-screen.
     */
    private boolean sampleHistory(TaauNeighbourhood n, int x, int y, float[] hist) {
        float px = x + 0.5f + n.motionX;
        float py = y + 0.5f + n.motionY;
        if (!(px >= 0f && px <= outWidth && py >= 0f && py <= outHeight)) {
            return false;
        }
        float u = px - 0.5f;
        float v = py - 0.5f;
        int i0 = (int) Math.floor(u);
        int j0 = (int) Math.floor(v);
        float fx = u - i0;
        float fy = v - j0;
        float[] wx = lanczos3(fx);
        float[] wy = lanczos3(fy);
        float[] rgb = new float[3];
        float[] tap = new float[3];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                float w = wx[i] * wy[j];
                int tx = i0 - 2 + i;
                int ty = j0 - 2 + j;
                TaauNeighbourhood.toPerceptual(history.clamped(tx, ty, 0), history.clamped(tx, ty, 1),
                        history.clamped(tx, ty, 2), tap);
                for (int k = 0; k < 3; k++) {
                    rgb[k] += w * tap[k];
                }
            }
        }
        float a00 = history.clamped(i0, j0, 3);
        float a10 = history.clamped(i0 + 1, j0, 3);
        float a01 = history.clamped(i0, j0 + 1, 3);
        float a11 = history.clamped(i0 + 1, j0 + 1, 3);
        float top = a00 + (a10 - a00) * fx;
        float bottom = a01 + (a11 - a01) * fx;
        hist[3] = top + (bottom - top) * fy;
        TaauNeighbourhood.toYCoCg(rgb[0], rgb[1], rgb[2], hist);
        return true;
    }

    /**
     * Lanczos-3 weights of the taps at −2 … 3 for fraction f, normalised to sum 1. Sharper than Karis's Catmull-Rom:
     * history is resampled every frame it moves, and on the synthetic test scene panning at 0.43 px/frame Lanczos-3
     * keeps 2.3 dB more than Catmull-Rom (whose attenuation near Nyquist compounds over ~10 accumulated frames);
     * its ringing is removed by the clip.
     */
    static float[] lanczos3(float f) {
        float[] w = new float[6];
        float sum = 0f;
        for (int i = 0; i < 6; i++) {
            float x = Math.abs(i - 2 - f);
            if (x < 1e-5f) {
                w[i] = 1f;
            } else if (x < 3f) {
                float px = (float) Math.PI * x;
                w[i] = 3f * (float) Math.sin(px) * (float) Math.sin(px / 3f) / (px * px);
            }
            sum += w[i];
        }
        for (int i = 0; i < 6; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Clips, weighs and blends; writes the output pixel and the next history texel. */
    private void resolve(TaauNeighbourhood n, boolean valid, float[] hist, int x, int y, ImageData out,
            ImageData next) {
        float speed = (float) Math.sqrt(n.motionX * n.motionX + n.motionY * n.motionY);
        float t = Math.min(speed / settings.fastMotion(), 1f);
        float cap = settings.maxHistoryWeight() + (settings.minHistoryWeight() - settings.maxHistoryWeight()) * t;
        float weight = 0f;
        if (valid) {
            weight = clip(n, hist) * Math.min(hist[3], cap);
        }
        float mass = n.sampleMass();
        float pad = Math.max(0f, 1f - weight - mass);
        float inv = 1f / (weight + mass + pad);
        float[] c = new float[3];
        for (int k = 0; k < 3; k++) {
            float h = valid ? hist[k] : 0f;
            c[k] = (weight * h + n.sharpSum[k] * n.massScale + pad * n.smoothMean(k)) * inv;
        }
        float[] rgb = TaauNeighbourhood.fromPerceptualYCoCg(c);
        for (int k = 0; k < 3; k++) {
            // Lanczos ringing can leave a hair below zero; colour is non-negative and fp16-bounded.
            rgb[k] = Math.min(Math.max(rgb[k], 0f), FP16_MAX);
        }
        out.set(x, y, 0, rgb[0]);
        out.set(x, y, 1, rgb[1]);
        out.set(x, y, 2, rgb[2]);
        out.set(x, y, 3, n.alphaSum / n.sharpWeight);
        float newWeight = Math.min(weight + mass, cap);
        next.set(x, y, 0, fp16(rgb[0]));
        next.set(x, y, 1, fp16(rgb[1]));
        next.set(x, y, 2, fp16(rgb[2]));
        next.set(x, y, 3, fp16(newWeight));
    }

    /**
     * Clips {@code hist} (perceptual YCoCg) toward the neighbourhood mean into μ ± γσ and returns the factor its weight
     * keeps: (1 / overshoot)^rejection, overshoot being how many box half-widths outside it was (1 if inside).
     */
    private float clip(TaauNeighbourhood n, float[] hist) {
        float over = 1f;
        for (int k = 0; k < 3; k++) {
            float extent = settings.clipGamma() * n.sigma(k) + CLIP_EPSILON;
            over = Math.max(over, Math.abs(hist[k] - n.mean(k)) / extent);
        }
        if (over <= 1f) {
            return 1f;
        }
        for (int k = 0; k < 3; k++) {
            hist[k] = n.mean(k) + (hist[k] - n.mean(k)) / over;
        }
        return (float) Math.pow(1f / over, settings.rejection());
    }

    /** What an RGBA16F store keeps of a value (round to nearest, clamped to the finite range). */
    static float fp16(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(Math.min(Math.max(v, -FP16_MAX), FP16_MAX)));
    }
}
