package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;

/**
 * CPU twin of {@code taau.comp}: the non-learned temporal upsampling baseline (TAAU), one instance per eye holding that
 * eye's history. It is the bar vr-net must beat, so it is the standard, well-tuned algorithm rather than a strawman:
 *
 * <ol>
 * <li><b>Current frame.</b> The 3 × 3 low-resolution samples around the output pixel, at their jittered positions
 * (docs/conventions.md), are weighted by exp(−2.29·d²) of their distance d in output pixels — Karis 2014's Gaussian
 * fit to a Blackman-Harris window — and the weights are normalised to "samples" (one frame brings one sample per output
 * pixel on average). A smoother estimate, the same kernel in low-resolution pixels, fills in where the pixel has less
 * than one sample of evidence in total (after a reset or disocclusion).</li>
 * <li><b>History.</b> Output-resolution colour and accumulated weight, reprojected with the motion vector of the
 * closest sample (largest reverse-Z depth) of the 3 × 3 neighbourhood — Karis 2014's dilation, so edges move with the
 * foreground — scaled by the ratio to output pixels, and sampled with a 16-tap Catmull-Rom filter (sharp under
 * repeated resampling; Karis 2014, Jimenez 2016). Off-screen reprojection or {@code resetHistory} drops it.</li>
 * <li><b>Rejection.</b> Variance clipping (Salvi 2016, "An Excursion in Temporal Supersampling"): history is clipped
 * toward the neighbourhood mean into the box μ ± γσ in YCoCg; how far it was outside also lowers its weight.</li>
 * <li><b>Blend.</b> new = (A·history + W·current) / (A + W) with history weight A capped at 10 (α ≈ 0.1) at rest and
 * lower with motion, and W this frame's sample mass — so α rises when a sample lands near the pixel centre and on
 * disocclusion (A clipped away), the exponential blend of Karis 2014 and Yang, Liu and Salvi's 2020 survey "A Survey of
 * Temporal Antialiasing Techniques" §4–5.</li>
 * <li><b>Fireflies.</b> All filtering, clipping and blending happens on c / (1 + Y) (Karis 2014's luminance
 * weighting, inverted at the end), so one very bright sample cannot dominate.</li>
 * </ol>
 *
 * History is stored rounded to fp16 (RGBA16F on the GPU: RGB linear HDR, A the accumulated weight) so the twin follows
 * the kernel's feedback loop exactly. Output alpha is the current frame's kernel-weighted coverage.
 */
public final class TaauReference {
    /** exp(−2.29 d²): Karis 2014's Gaussian approximation of a Blackman-Harris window (as in UE4's TemporalAA). */
    public static final float KERNEL_SHARPNESS = 2.29f;
    /** ∫ exp(−2.29 d²) over the plane = π / 2.29: the kernel's mass, which normalises weights to samples. */
    public static final float KERNEL_MASS = (float) (Math.PI / 2.29);
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
        TaauNeighbourhood n = new TaauNeighbourhood();
        float[] hist = new float[4];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                n.gather(input, x, y, outWidth, outHeight);
                boolean valid = !reset && sampleHistory(n, x, y, hist);
                resolve(n, valid, hist, x, y, out, next);
            }
        }
        history = next;
        return out;
    }

    /** The current history (RGB linear, A accumulated weight), or null before the first frame. Do not modify. */
    public ImageData history() {
        return history;
    }

    /** Catmull-Rom history colour and bilinear weight at the reprojected position; false when off-screen. */
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
        boolean l3 = Boolean.getBoolean("taau.l3");
        int taps = l3 ? 6 : 4;
        float[] wx = l3 ? lanczos3(fx) : catmullRom(fx);
        float[] wy = l3 ? lanczos3(fy) : catmullRom(fy);
        int off = l3 ? 2 : 1;
        float r = 0f;
        float g = 0f;
        float b = 0f;
        for (int j = 0; j < taps; j++) {
            for (int i = 0; i < taps; i++) {
                float w = wx[i] * wy[j];
                r += w * history.clamped(i0 - off + i, j0 - off + j, 0);
                g += w * history.clamped(i0 - off + i, j0 - off + j, 1);
                b += w * history.clamped(i0 - off + i, j0 - off + j, 2);
            }
        }
        float a00 = history.clamped(i0, j0, 3);
        float a10 = history.clamped(i0 + 1, j0, 3);
        float a01 = history.clamped(i0, j0 + 1, 3);
        float a11 = history.clamped(i0 + 1, j0 + 1, 3);
        float top = a00 + (a10 - a00) * fx;
        float bottom = a01 + (a11 - a01) * fx;
        hist[3] = top + (bottom - top) * fy;
        TaauNeighbourhood.toPerceptualYCoCg(Math.max(r, 0f), Math.max(g, 0f), Math.max(b, 0f), hist);
        return true;
    }

    static float[] lanczos3(float f) {
        float[] w = new float[6];
        float sum = 0;
        for (int i = 0; i < 6; i++) {
            double x = Math.abs(i - 2 - f);
            double v = x < 1e-6 ? 1 : x < 3 ? Math.sin(Math.PI * x) * Math.sin(Math.PI * x / 3) / (Math.PI * Math.PI * x * x / 3) : 0;
            w[i] = (float) v;
            sum += w[i];
        }
        for (int i = 0; i < 6; i++) w[i] /= sum;
        return w;
    }

    /** Catmull-Rom weights (B = 0, C = ½) of the taps at −1, 0, 1, 2 for fraction f. */
    static float[] catmullRom(float f) {
        return new float[] {
            f * (-0.5f + f * (1.0f - 0.5f * f)),
            1.0f + f * f * (-2.5f + 1.5f * f),
            f * (0.5f + f * (2.0f - 1.5f * f)),
            f * f * (-0.5f + 0.5f * f)
        };
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
        String mode = System.getProperty("taau.clip", "var");
        float[] lo = new float[3];
        float[] hi = new float[3];
        for (int k = 0; k < 3; k++) {
            float m = n.mean(k);
            float e = settings.clipGamma() * n.sigma(k);
            switch (mode) {
                case "minmax" -> { lo[k] = n.min[k]; hi[k] = n.max[k]; }
                case "union" -> { lo[k] = Math.min(n.min[k], m - e); hi[k] = Math.max(n.max[k], m + e); }
                case "inter" -> { lo[k] = Math.max(n.min[k], m - e); hi[k] = Math.min(n.max[k], m + e); }
                default -> { lo[k] = m - e; hi[k] = m + e; }
            }
            lo[k] -= CLIP_EPSILON;
            hi[k] += CLIP_EPSILON;
        }
        float over = 1f;
        float[] centre = new float[3];
        for (int k = 0; k < 3; k++) {
            centre[k] = 0.5f * (lo[k] + hi[k]);
            float extent = 0.5f * (hi[k] - lo[k]);
            over = Math.max(over, Math.abs(hist[k] - centre[k]) / extent);
        }
        if (over <= 1f) {
            return 1f;
        }
        for (int k = 0; k < 3; k++) {
            hist[k] = centre[k] + (hist[k] - centre[k]) / over;
        }
        return (float) Math.pow(1f / over, settings.rejection());
    }

    /** What an RGBA16F store keeps of a value (round to nearest, clamped to the finite range). */
    static float fp16(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(Math.min(Math.max(v, -FP16_MAX), FP16_MAX)));
    }
}
