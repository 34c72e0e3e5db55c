package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.reference.Perceptual;
import java.util.stream.IntStream;

/**
 * CPU twin of {@code spatial_upsample.comp} and {@code spatial_sharpen.comp}: the SPATIAL baseline, an edge-adaptive
 * single-frame upscaler in the class of AMD FidelityFX Super Resolution 1 (EASU + RCAS), of ocular's own design.
 *
 * <p><b>Upsample.</b> Jitter-aware like the classic baselines (sample i sits at i + 0.5 + jitter, docs/conventions.md).
 * The 4 × 4 samples around the output position are tone-mapped to c / (1 + Y), so HDR highlights neither ring nor
 * dominate. The local edge comes from the luma structure tensor of the four nearest samples (central differences,
 * bilinearly weighted): its dominant eigenvector is the gradient direction n, ((λ1 − λ2) / (λ1 + λ2))² the coherence c.
 * Two Lanczos-2 reconstructions are blended by c: the plain separable one, and one separable in the (n, edge) frame
 * with along-edge distances divided by 1 + stretch · c — elongated along the edge, which smooths staircases while
 * staying sharp across it (the idea of EASU's anisotropic kernel; here an exact structure tensor and true windowed
 * sincs, with the plain kernel kept where there is no single orientation). The result is clamped to the range of the
 * four nearest samples to remove ringing (as EASU does), un-tone-mapped and stored as fp16.
 *
 * <p><b>Sharpen.</b> A 5-tap cross filter out = (e + w·(b + d + f + h)) / (1 + 4w) with a negative lobe w (RCAS's
 * form), per pixel the strongest lobe up to −{@link #MAX_LOBE}·sharpness that keeps every channel within the local
 * range widened by {@code overshoot} of itself (solved exactly per channel; RCAS instead bounds by the [0, 1] display
 * range), halved where the centre alone differs from its ring (isolated noise is not amplified — RCAS's noise rule),
 * in the same tone-mapped space.
 *
 * <p>Stateless; rows are resolved in parallel on the common fork-join pool (about 1.5 s per 1032 × 1104 eye on two
 * cores).
 */
public final class SpatialReference {
    /**
     * Strongest lobe: FSR 1's RCAS limit 0.25 − 1/16 (AMD ffx_fsr1.h {@code FSR_RCAS_LIMIT}, "set at the limit of
     * providing unnatural results for sharpening").
     */
    public static final float MAX_LOBE = 0.1875f;
    /**
     * Added to the allowed overshoot and to the noise test's luma range (tone-mapped units, about a quarter of an 8-bit
     * display step): a channel or a cross that is flat to within rounding then neither dictates the lobe nor reads
     * as noise — without it those ratios of two rounding errors would decide the sharpening.
     */
    static final float FLAT = 1f / 1024f;
    /** Keeps tone-mapped values below 1, where the inverse tone map is finite. */
    static final float PERCEPTUAL_MAX = 1f - 1f / 4096f;

    private SpatialReference() {
    }

    /** Both passes: the SPATIAL output for one low-resolution frame. */
    public static ImageData upscale(ImageData colour, float jitterX, float jitterY, int outWidth, int outHeight,
            SpatialSettings settings) {
        return sharpen(upsample(colour, jitterX, jitterY, outWidth, outHeight, settings), settings);
    }

    /** Pass 1, the edge-adaptive upsample, as the intermediate RGBA16F image holds it (fp16-rounded). */
    public static ImageData upsample(ImageData colour, float jitterX, float jitterY, int outWidth, int outHeight,
            SpatialSettings settings) {
        ImageData out = ImageData.poisoned(outWidth, outHeight, 4);
        // Pixels are independent, so rows run in parallel, each with its own scratch.
        IntStream.range(0, outHeight).parallel().forEach(y -> {
            SpatialTaps taps = new SpatialTaps();
            float[] px = new float[4];
            for (int x = 0; x < outWidth; x++) {
                taps.reconstruct(colour, jitterX, jitterY, outWidth, outHeight, x, y, settings.edgeStretch(), px);
                float[] rgb = fromPerceptual(px[0], px[1], px[2]);
                for (int k = 0; k < 3; k++) {
                    out.set(x, y, k, Perceptual.fp16(rgb[k]));
                }
                out.set(x, y, 3, Perceptual.fp16(px[3]));
            }
        });
        return out;
    }

    /** Pass 2, bounded sharpening of the upsampled image (edges clamp). */
    public static ImageData sharpen(ImageData up, SpatialSettings settings) {
        ImageData out = ImageData.poisoned(up.width(), up.height(), 4);
        IntStream.range(0, up.height()).parallel().forEach(y -> {
            float[][] t = new float[5][3];
            float[] e = new float[3];
            for (int x = 0; x < up.width(); x++) {
                perceptualAt(up, x, y - 1, t[0]);
                perceptualAt(up, x - 1, y, t[1]);
                perceptualAt(up, x, y, t[2]);
                perceptualAt(up, x + 1, y, t[3]);
                perceptualAt(up, x, y + 1, t[4]);
                float lobe = lobe(t, settings);
                float inv = 1f / (1f + 4f * lobe);
                for (int k = 0; k < 3; k++) {
                    float ring = t[0][k] + t[1][k] + t[3][k] + t[4][k];
                    e[k] = Math.min(Math.max((t[2][k] + lobe * ring) * inv, 0f), PERCEPTUAL_MAX);
                }
                float[] rgb = fromPerceptual(e[0], e[1], e[2]);
                for (int k = 0; k < 3; k++) {
                    out.set(x, y, k, rgb[k]);
                }
                out.set(x, y, 3, up.get(x, y, 3));
            }
        });
        return out;
    }

    /**
     * The sharpening lobe (≤ 0) for the cross {@code t} = up, left, centre, right, down: the most negative w ≥
     * −MAX_LOBE·sharpness for which (e + w·s) / (1 + 4w), s the ring sum, stays within [lo − m, hi + m] in every
     * channel (lo, hi the 5-tap range, m = overshoot · (hi − lo) + {@link #FLAT}), then scaled down for isolated noise.
     */
    static float lobe(float[][] t, SpatialSettings settings) {
        float lobe = -MAX_LOBE * settings.sharpness();
        for (int k = 0; k < 3; k++) {
            float e = t[2][k];
            float lo = Math.min(Math.min(Math.min(t[0][k], t[1][k]), Math.min(t[3][k], t[4][k])), e);
            float hi = Math.max(Math.max(Math.max(t[0][k], t[1][k]), Math.max(t[3][k], t[4][k])), e);
            float margin = settings.overshoot() * (hi - lo) + FLAT;
            float low = lo - margin;
            float high = hi + margin;
            float s = t[0][k] + t[1][k] + t[3][k] + t[4][k];
            // out − e = w·(s − 4e) / (1 + 4w): solve out = high (centre above its ring) or out = low (below).
            if (s < 4f * e) {
                lobe = Math.max(lobe, (high - e) / (s - 4f * high));
            } else if (s > 4f * e) {
                lobe = Math.max(lobe, (low - e) / (s - 4f * low));
            }
        }
        float[] luma = new float[5];
        for (int i = 0; i < 5; i++) {
            luma[i] = 0.25f * t[i][0] + 0.5f * t[i][1] + 0.25f * t[i][2];
        }
        float lmin = Math.min(Math.min(Math.min(luma[0], luma[1]), Math.min(luma[3], luma[4])), luma[2]);
        float lmax = Math.max(Math.max(Math.max(luma[0], luma[1]), Math.max(luma[3], luma[4])), luma[2]);
        float deviation = Math.abs(0.25f * (luma[0] + luma[1] + luma[3] + luma[4]) - luma[2]);
        float noise = Math.min(deviation / (lmax - lmin + FLAT), 1f);
        return lobe * (1f - 0.5f * noise);
    }

    private static void perceptualAt(ImageData img, int x, int y, float[] out) {
        Perceptual.toPerceptual(clampColour(img.clamped(x, y, 0)), clampColour(img.clamped(x, y, 1)),
                clampColour(img.clamped(x, y, 2)), out);
    }

    static float clampColour(float v) {
        return Math.min(Math.max(v, 0f), Perceptual.FP16_MAX);
    }

    /** Inverse of c / (1 + Y): c = t / (1 − Y(t)), Y = (r + 2g + b) / 4. */
    static float[] fromPerceptual(float r, float g, float b) {
        float k = 1f / (1f - (0.25f * r + 0.5f * g + 0.25f * b));
        return new float[] {r * k, g * k, b * k};
    }
}
