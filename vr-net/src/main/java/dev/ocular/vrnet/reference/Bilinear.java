package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.ImageData;

/**
 * Bilinear interpolation at a continuous position in pixel units (pixel (x, y)'s centre is (x + 0.5, y + 0.5), per
 * docs/conventions.md), clamping to the edge. The GPU kernels do the same arithmetic with texelFetch instead of a
 * hardware sampler, whose reduced sub-texel precision would make them differ from this oracle.
 */
public final class Bilinear {
    private Bilinear() {
    }

    public static float sample(ImageData image, float x, float y, int channel) {
        float fx = x - 0.5f;
        float fy = y - 0.5f;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        float tx = fx - x0;
        float ty = fy - y0;
        float top = mix(image.clamped(x0, y0, channel), image.clamped(x0 + 1, y0, channel), tx);
        float bottom = mix(image.clamped(x0, y0 + 1, channel), image.clamped(x0 + 1, y0 + 1, channel), tx);
        return mix(top, bottom, ty);
    }

    /** GLSL's mix: a·(1 − t) + b·t. */
    static float mix(float a, float b, float t) {
        return a * (1f - t) + b * t;
    }
}
