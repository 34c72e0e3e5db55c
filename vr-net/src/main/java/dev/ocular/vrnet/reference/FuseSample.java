package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.FuseConstants;

/**
 * One output pixel of the guided fuse op, split where the head's parameters enter: {@link #gather} reads everything
 * that does not depend on them (the 3 × 3 jittered samples, their moments, the closest sample's motion, the
 * reprojected history), {@link #resolve} turns parameters into the pixel. The trainer differentiates by resolving the
 * same gathered pixel at perturbed parameters. Steps and their sources are in README "Reconstruct / fuse"; the maths
 * is the TAAU baseline's with three of its constants made per-pixel. A mutable scratch object: one per thread.
 */
public final class FuseSample {
    /** The fill-in estimate's kernel, in low-resolution pixels: Karis 2014's Blackman-Harris fit exp(−2.29·d²). */
    public static final float SMOOTH_SHARPNESS = 2.29f;
    /** Added to the clip box half-widths, so fp16 rounding of history never reads as rejection. */
    public static final float CLIP_EPSILON = 1f / 1024f;

    private final float[] colour = new float[27];
    private final float[] distance2 = new float[9];
    private final float[] alpha = new float[9];
    private final float[] mean = new float[3];
    private final float[] sd = new float[3];
    private final float[] smoothMean = new float[3];
    private final float[] sum = new float[3];
    private final float[] squares = new float[3];
    private final float[] smooth = new float[3];
    private final float[] scratch = new float[3];
    private final float[] wx = new float[6];
    private final float[] wy = new float[6];
    private final float[] history = new float[4];
    private final float[] clipped = new float[3];
    private final float[] resolved = new float[3];
    private float massBase;
    private float speed;
    private boolean valid;
    private float historyX;
    private float historyY;
    private int historyX0;
    private int historyY0;

    /** The resolved pixel: linear RGB (clamped to [0, fp16 max]). */
    public final float[] rgb = new float[3];
    /** The current frame's kernel-weighted coverage (alpha of the G-buffer colour). */
    public float coverage;
    /** Accumulated weight the next frame's history keeps, in samples. */
    public float nextWeight;

    /**
     * Reads output pixel (x, y)'s inputs.
     *
     * @param history last frame's history (linear RGB, A = accumulated weight) or null when not usable
     */
    public void gather(GBufferData g, ImageData history, int outWidth, int outHeight, int x, int y) {
        int w = g.width();
        int h = g.height();
        float sx = (float) outWidth / (float) w;
        float sy = (float) outHeight / (float) h;
        massBase = sx * sy / (2f * (float) Math.PI);
        float px = x + 0.5f;
        float py = y + 0.5f;
        float qx = px / sx;
        float qy = py / sy;
        int cx = (int) Math.floor(qx - g.jitterX());
        int cy = (int) Math.floor(qy - g.jitterY());
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(squares, 0f);
        java.util.Arrays.fill(smooth, 0f);
        float smoothWeight = 0f;
        float closest = -1f; // below any reverse-Z depth in [0, 1]
        float motionX = 0f;
        float motionY = 0f;
        int n = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++, n++) {
                int ix = cx + i;
                int iy = cy + j;
                int tx = Math.min(Math.max(ix, 0), w - 1);
                int ty = Math.min(Math.max(iy, 0), h - 1);
                // Positions use the unclamped index: the edge sample is extended, not moved.
                float lx = ix + 0.5f + g.jitterX();
                float ly = iy + 0.5f + g.jitterY();
                float dx = lx * sx - px;
                float dy = ly * sy - py;
                distance2[n] = dx * dx + dy * dy;
                float ex = lx - qx;
                float ey = ly - qy;
                float wSmooth = (float) Math.exp(-SMOOTH_SHARPNESS * (ex * ex + ey * ey));
                ImageData c = g.colour();
                Perceptual.toPerceptualYCoCg(clampColour(c.get(tx, ty, 0)), clampColour(c.get(tx, ty, 1)),
                        clampColour(c.get(tx, ty, 2)), scratch);
                for (int k = 0; k < 3; k++) {
                    float s = scratch[k];
                    colour[n * 3 + k] = s;
                    sum[k] += s;
                    squares[k] += s * s;
                    smooth[k] += wSmooth * s;
                }
                smoothWeight += wSmooth;
                alpha[n] = c.get(tx, ty, 3);
                float depth = g.depth().get(tx, ty, 0);
                if (depth > closest) {
                    closest = depth;
                    motionX = g.motion().get(tx, ty, 0) * sx;
                    motionY = g.motion().get(tx, ty, 1) * sy;
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            mean[k] = sum[k] / 9f;
            sd[k] = (float) Math.sqrt(Math.max(squares[k] / 9f - mean[k] * mean[k], 0f));
            smoothMean[k] = smooth[k] / smoothWeight;
        }
        speed = (float) Math.sqrt(motionX * motionX + motionY * motionY);
        historyX = px + motionX;
        historyY = py + motionY;
        valid = history != null && sampleHistory(history, px + motionX, py + motionY, outWidth, outHeight);
    }

    /**
     * History at (px, py) in last frame's output pixels: colour by a 6 × 6 Lanczos-3 filter over perceptual taps (so
     * a bright texel's ringing cannot swamp its neighbours), weight bilinear. False when off-screen.
     */
    private boolean sampleHistory(ImageData h, float px, float py, int outWidth, int outHeight) {
        if (!(px >= 0f && px <= outWidth && py >= 0f && py <= outHeight)) {
            return false;
        }
        float u = px - 0.5f;
        float v = py - 0.5f;
        int i0 = (int) Math.floor(u);
        int j0 = (int) Math.floor(v);
        historyX0 = i0;
        historyY0 = j0;
        float fx = u - i0;
        float fy = v - j0;
        Perceptual.lanczos3(fx, wx);
        Perceptual.lanczos3(fy, wy);
        float r = 0f;
        float gg = 0f;
        float b = 0f;
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                float w = wx[i] * wy[j];
                int tx = i0 - 2 + i;
                int ty = j0 - 2 + j;
                Perceptual.toPerceptual(h.clamped(tx, ty, 0), h.clamped(tx, ty, 1), h.clamped(tx, ty, 2), scratch);
                r += w * scratch[0];
                gg += w * scratch[1];
                b += w * scratch[2];
            }
        }
        Perceptual.toYCoCg(r, gg, b, history);
        float a00 = h.clamped(i0, j0, 3);
        float a10 = h.clamped(i0 + 1, j0, 3);
        float a01 = h.clamped(i0, j0 + 1, 3);
        float a11 = h.clamped(i0 + 1, j0 + 1, 3);
        float top = a00 + (a10 - a00) * fx;
        float bottom = a01 + (a11 - a01) * fx;
        history[3] = top + (bottom - top) * fy;
        return true;
    }

    /** Whether the last gather read history (usable and on-screen at the reprojected position). */
    public boolean historyValid() {
        return valid;
    }

    /** Where the last gather read history, in last frame's output pixels (centres at +0.5). */
    public float historyX() {
        return historyX;
    }

    /** @see #historyX() */
    public float historyY() {
        return historyY;
    }

    /**
     * Column of colour tap i (0–5) of the last history read, before clamping to the image: with {@link #historyTapY}
     * and {@link #historyTapWeight}, the taps the trainer scatters a gradient back through.
     */
    public int historyTapX(int i) {
        return historyX0 - 2 + i;
    }

    /** Row of colour tap j (0–5) of the last history read, before clamping; see {@link #historyTapX}. */
    public int historyTapY(int j) {
        return historyY0 - 2 + j;
    }

    /** Lanczos weight of colour tap (i, j) of the last history read. */
    public float historyTapWeight(int i, int j) {
        return wx[i] * wy[j];
    }

    /**
     * The gathered history value {@code k}: 0–2 the filtered colour in perceptual YCoCg, 3 the accumulated weight.
     * With {@link #setHistoryValue} it lets the trainer differentiate {@link #resolve} with respect to history.
     */
    public float historyValue(int k) {
        return history[k];
    }

    /** Replaces gathered history value {@code k} (see {@link #historyValue}) for the following resolves. */
    public void setHistoryValue(int k, float value) {
        history[k] = value;
    }

    /**
     * Resolves the gathered pixel with the head's raw values {@code head[0..5]} (already interpolated to this pixel);
     * fills {@link #rgb}, {@link #coverage} and {@link #nextWeight}.
     */
    public void resolve(float[] head, FuseConstants k) {
        float sigma = HeadParams.sigma(head[0], k);
        float capScale = HeadParams.capScale(head[1], k);
        float gamma = HeadParams.gamma(head[2], k);
        float sharpness = 1f / (2f * sigma * sigma);
        float weightSum = 0f;
        float alphaSum = 0f;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        for (int n = 0; n < 9; n++) {
            float w = (float) Math.exp(-sharpness * distance2[n]);
            weightSum += w;
            alphaSum += w * alpha[n];
            s0 += w * colour[n * 3];
            s1 += w * colour[n * 3 + 1];
            s2 += w * colour[n * 3 + 2];
        }
        // Kernel weights → samples: one frame brings one sample per output pixel on average (kernel mass 2πσ²).
        float massScale = massBase / (sigma * sigma);
        float t = Math.min(speed / k.fastMotion(), 1f);
        float cap = (k.maxHistory() + (k.minHistory() - k.maxHistory()) * t) * capScale;
        float weight = 0f;
        if (valid) {
            weight = clip(gamma, k.rejection()) * Math.min(history[3], cap);
        }
        float mass = weightSum * massScale;
        float pad = Math.max(0f, 1f - weight - mass);
        float inv = 1f / (weight + mass + pad);
        float h0 = valid ? clipped[0] : 0f;
        float h1 = valid ? clipped[1] : 0f;
        float h2 = valid ? clipped[2] : 0f;
        resolved[0] = (weight * h0 + s0 * massScale + pad * smoothMean[0]) * inv + HeadParams.residual(head[3], k);
        resolved[1] = (weight * h1 + s1 * massScale + pad * smoothMean[1]) * inv + HeadParams.residual(head[4], k);
        resolved[2] = (weight * h2 + s2 * massScale + pad * smoothMean[2]) * inv + HeadParams.residual(head[5], k);
        // Perceptual luma must stay below 1 for the inverse; the residual could otherwise push it there.
        resolved[0] = Math.min(Math.max(resolved[0], 0f), ToneMap.MAX_TONEMAPPED);
        Perceptual.fromPerceptualYCoCg(resolved, rgb);
        for (int c = 0; c < 3; c++) {
            // Lanczos ringing can leave a hair below zero; colour is non-negative and fp16-bounded.
            rgb[c] = Math.min(Math.max(rgb[c], 0f), Perceptual.FP16_MAX);
        }
        coverage = alphaSum / weightSum;
        nextWeight = Math.min(weight + mass, cap);
    }

    /**
     * Clips history (perceptual YCoCg) toward the neighbourhood mean into μ ± γσ, into {@link #clipped}, and returns
     * the factor its weight keeps: (1 / overshoot)^rejection, overshoot being how many box half-widths outside it was.
     */
    private float clip(float gamma, float rejection) {
        float over = 1f;
        for (int k = 0; k < 3; k++) {
            float extent = gamma * sd[k] + CLIP_EPSILON;
            over = Math.max(over, Math.abs(history[k] - mean[k]) / extent);
        }
        for (int k = 0; k < 3; k++) {
            clipped[k] = over <= 1f ? history[k] : mean[k] + (history[k] - mean[k]) / over;
        }
        return over <= 1f ? 1f : (float) Math.pow(1f / over, rejection);
    }

    private static float clampColour(float v) {
        return Math.min(Math.max(v, 0f), Perceptual.FP16_MAX);
    }
}
