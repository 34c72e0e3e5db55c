package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.reference.Perceptual;

/**
 * The per-pixel edge-adaptive reconstruction of {@link SpatialReference}'s upsample pass: 4 × 4 tone-mapped taps,
 * luma structure tensor of the centre 2 × 2, coherence-blended plain and edge-aligned Lanczos-2, deringing clamp.
 * Scratch arrays are reused across pixels.
 */
final class SpatialTaps {
    /** The four taps nearest the output position, whose range bounds the result. */
    private static final int[] CENTRE = {5, 6, 9, 10};

    private final float[][] rgb = new float[16][3];
    private final float[] luma = new float[16];
    private final float[] alpha = new float[16];
    private final float[] plainX = new float[4];
    private final float[] plainY = new float[4];
    private final float[] plain = new float[4];
    private final float[] aligned = new float[4];
    private float dirX;
    private float dirY;
    private float coherence;

    /**
     * Writes the tone-mapped colour (0–2) and coverage (3) at output pixel (x, y) into {@code out}.
     */
    void reconstruct(ImageData colour, float jitterX, float jitterY, int outWidth, int outHeight, int x, int y,
            float stretch, float[] out) {
        int w = colour.width();
        int h = colour.height();
        // Continuous sample-index coordinate: sample i lies at i + 0.5 + jitter (the ClassicResample convention).
        float u = (x + 0.5f) * ((float) w / (float) outWidth) - 0.5f - jitterX;
        float v = (y + 0.5f) * ((float) h / (float) outHeight) - 0.5f - jitterY;
        int i0 = (int) Math.floor(u);
        int j0 = (int) Math.floor(v);
        float fx = u - i0;
        float fy = v - j0;
        for (int jj = 0; jj < 4; jj++) {
            for (int ii = 0; ii < 4; ii++) {
                int t = jj * 4 + ii;
                int sx = i0 - 1 + ii;
                int sy = j0 - 1 + jj;
                Perceptual.toPerceptual(SpatialReference.clampColour(colour.clamped(sx, sy, 0)),
                        SpatialReference.clampColour(colour.clamped(sx, sy, 1)),
                        SpatialReference.clampColour(colour.clamped(sx, sy, 2)), rgb[t]);
                luma[t] = 0.25f * rgb[t][0] + 0.5f * rgb[t][1] + 0.25f * rgb[t][2];
                alpha[t] = colour.clamped(sx, sy, 3);
            }
        }
        edge(fx, fy);
        filter(fx, fy, 1f / (1f + stretch * coherence), out);
    }

    /**
     * Sets the gradient direction (dirX, dirY, unit) and coherence ((λ1 − λ2) / (λ1 + λ2))² of the luma structure
     * tensor at the four centre taps, each gradient by central differences, bilinearly weighted by the position.
     */
    private void edge(float fx, float fy) {
        float a = 0f;
        float b = 0f;
        float c = 0f;
        for (int cy = 1; cy <= 2; cy++) {
            for (int cx = 1; cx <= 2; cx++) {
                int t = cy * 4 + cx;
                float gx = 0.5f * (luma[t + 1] - luma[t - 1]);
                float gy = 0.5f * (luma[t + 4] - luma[t - 4]);
                float wb = (cx == 1 ? 1f - fx : fx) * (cy == 1 ? 1f - fy : fy);
                a += wb * gx * gx;
                b += wb * gx * gy;
                c += wb * gy * gy;
            }
        }
        float halfDiff = 0.5f * (a - c);
        float disc = (float) Math.sqrt(halfDiff * halfDiff + b * b);
        float trace = a + c;
        coherence = trace > 0f ? (2f * disc / trace) * (2f * disc / trace) : 0f;
        // Dominant eigenvector, from whichever form cannot vanish unless the tensor is isotropic.
        float nx = a >= c ? halfDiff + disc : b;
        float ny = a >= c ? b : disc - halfDiff;
        float len = (float) Math.sqrt(nx * nx + ny * ny);
        dirX = len > 0f ? nx / len : 1f;
        dirY = len > 0f ? ny / len : 0f;
        if (!(len > 0f)) {
            coherence = 0f;
        }
    }

    /**
     * Blends two Lanczos-2 reconstructions over the 16 taps by the edge's coherence: the plain separable one (exact
     * at sample positions, best on texture) and one separable in the edge's frame with the along-edge distance shrunk
     * (smooths staircases, stays sharp across the edge); then the deringing clamp to the centre 2 × 2's range.
     */
    private void filter(float fx, float fy, float shrink, float[] out) {
        for (int i = 0; i < 4; i++) {
            plainX[i] = lanczos2((i - 1) - fx);
            plainY[i] = lanczos2((i - 1) - fy);
        }
        java.util.Arrays.fill(plain, 0f);
        java.util.Arrays.fill(aligned, 0f);
        float plainSum = 0f;
        float alignedSum = 0f;
        for (int jj = 0; jj < 4; jj++) {
            for (int ii = 0; ii < 4; ii++) {
                int t = jj * 4 + ii;
                float dx = (ii - 1) - fx;
                float dy = (jj - 1) - fy;
                float across = dx * dirX + dy * dirY;
                float along = (dy * dirX - dx * dirY) * shrink;
                float wp = plainX[ii] * plainY[jj];
                float we = lanczos2(across) * lanczos2(along);
                for (int k = 0; k < 4; k++) {
                    float value = k < 3 ? rgb[t][k] : alpha[t];
                    plain[k] += wp * value;
                    aligned[k] += we * value;
                }
                plainSum += wp;
                alignedSum += we;
            }
        }
        for (int k = 0; k < 4; k++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int t : CENTRE) {
                float value = k < 3 ? rgb[t][k] : alpha[t];
                lo = Math.min(lo, value);
                hi = Math.max(hi, value);
            }
            float p = plain[k] / plainSum;
            float e = aligned[k] / alignedSum;
            out[k] = Math.min(Math.max(p + coherence * (e - p), lo), hi);
        }
    }

    /** Lanczos-2: sinc(x) · sinc(x / 2) for |x| < 2. */
    static float lanczos2(float x) {
        float r = Math.abs(x);
        if (r < 1e-5f) {
            return 1f;
        }
        if (r >= 2f) {
            return 0f;
        }
        float p = (float) Math.PI * r;
        return 2f * (float) Math.sin(p) * (float) Math.sin(0.5f * p) / (p * p);
    }
}
