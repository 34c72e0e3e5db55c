package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;

/**
 * What {@link TaauReference} gathers from the 3 × 3 low-resolution samples around one output pixel: their moments for
 * variance clipping, the sharp (output-pixel kernel) and smooth (low-resolution kernel) current-frame estimates, the
 * coverage, and the motion of the closest sample. Colours are in perceptual YCoCg: YCoCg of c / (1 + Y). A mutable
 * scratch object, one per row being resolved, reused for each pixel of it.
 */
final class TaauNeighbourhood {
    final float[] sum = new float[3];
    final float[] sumSquares = new float[3];
    final float[] sharpSum = new float[3];
    final float[] smoothSum = new float[3];
    float sharpWeight;
    float smoothWeight;
    float alphaSum;
    /** Motion of the closest sample, in output pixels (current → previous). */
    float motionX;
    float motionY;
    /** Converts kernel weights to samples: sx · sy / kernel mass. */
    float massScale;
    private final float[] s = new float[3];

    void gather(GBufferData in, int x, int y, int outWidth, int outHeight) {
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(sumSquares, 0f);
        java.util.Arrays.fill(sharpSum, 0f);
        java.util.Arrays.fill(smoothSum, 0f);
        sharpWeight = 0f;
        smoothWeight = 0f;
        alphaSum = 0f;
        int w = in.width();
        int h = in.height();
        float sx = (float) outWidth / (float) w;
        float sy = (float) outHeight / (float) h;
        massScale = sx * sy / TaauReference.KERNEL_MASS;
        float px = x + 0.5f;
        float py = y + 0.5f;
        float qx = px / sx;
        float qy = py / sy;
        int cx = (int) Math.floor(qx - in.jitterX());
        int cy = (int) Math.floor(qy - in.jitterY());
        motionX = 0f;
        motionY = 0f;
        float closest = -1f; // below any reverse-Z depth in [0, 1]
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                int ix = cx + i;
                int iy = cy + j;
                int tx = Math.min(Math.max(ix, 0), w - 1);
                int ty = Math.min(Math.max(iy, 0), h - 1);
                // Positions use the unclamped index: the edge sample is extended, not moved.
                float lx = ix + 0.5f + in.jitterX();
                float ly = iy + 0.5f + in.jitterY();
                float dx = lx * sx - px;
                float dy = ly * sy - py;
                float wSharp = (float) Math.exp(-TaauReference.KERNEL_SHARPNESS * (dx * dx + dy * dy));
                float ex = lx - qx;
                float ey = ly - qy;
                float wSmooth = (float) Math.exp(-TaauReference.SMOOTH_SHARPNESS * (ex * ex + ey * ey));
                accumulate(in.colour(), tx, ty, wSharp, wSmooth);
                float depth = in.depth().get(tx, ty, 0);
                if (depth > closest) {
                    closest = depth;
                    motionX = in.motion().get(tx, ty, 0) * sx;
                    motionY = in.motion().get(tx, ty, 1) * sy;
                }
            }
        }
    }

    private void accumulate(ImageData colour, int tx, int ty, float wSharp, float wSmooth) {
        toPerceptualYCoCg(clampColour(colour.get(tx, ty, 0)), clampColour(colour.get(tx, ty, 1)),
                clampColour(colour.get(tx, ty, 2)), s);
        for (int k = 0; k < 3; k++) {
            sum[k] += s[k];
            sumSquares[k] += s[k] * s[k];
            sharpSum[k] += wSharp * s[k];
            smoothSum[k] += wSmooth * s[k];
        }
        sharpWeight += wSharp;
        smoothWeight += wSmooth;
        alphaSum += wSharp * colour.get(tx, ty, 3);
    }

    private static float clampColour(float v) {
        return Math.min(Math.max(v, 0f), TaauReference.FP16_MAX);
    }

    float mean(int k) {
        return sum[k] / 9f;
    }

    float sigma(int k) {
        float m = sum[k] / 9f;
        return (float) Math.sqrt(Math.max(sumSquares[k] / 9f - m * m, 0f));
    }

    float smoothMean(int k) {
        return smoothSum[k] / smoothWeight;
    }

    /** This frame's evidence at the pixel, in samples. */
    float sampleMass() {
        return sharpWeight * massScale;
    }

    /** YCoCg of c / (1 + Y), Y = (r + 2g + b) / 4 (Karis 2014's luminance weighting as a reversible tone map). */
    static void toPerceptualYCoCg(float r, float g, float b, float[] out) {
        toPerceptual(r, g, b, out);
        toYCoCg(out[0], out[1], out[2], out);
    }

    /** c / (1 + Y): bright samples weigh as much as their displayed brightness, not their energy. */
    static void toPerceptual(float r, float g, float b, float[] out) {
        float k = 1f / (1f + 0.25f * r + 0.5f * g + 0.25f * b);
        out[0] = r * k;
        out[1] = g * k;
        out[2] = b * k;
    }

    static void toYCoCg(float r, float g, float b, float[] out) {
        out[0] = 0.25f * r + 0.5f * g + 0.25f * b;
        out[1] = 0.5f * r - 0.5f * b;
        out[2] = -0.25f * r + 0.5f * g - 0.25f * b;
    }

    /** Inverse of {@link #toPerceptualYCoCg}: YCoCg → RGB, then c = t / (1 − Y(t)). */
    static float[] fromPerceptualYCoCg(float[] ycocg) {
        float y = ycocg[0];
        float k = 1f / (1f - y);
        return new float[] {
            (y + ycocg[1] - ycocg[2]) * k,
            (y + ycocg[2]) * k,
            (y - ycocg[1] - ycocg[2]) * k
        };
    }
}
