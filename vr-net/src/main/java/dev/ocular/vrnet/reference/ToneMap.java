package dev.ocular.vrnet.reference;

/**
 * The per-channel Reinhard curve T(c) = c / (1 + c) the net sees colour through, and its inverse. Blending in this
 * space keeps one very bright sample from dominating a reconstruction (the tone-mapped resolve of Karis, "High Quality
 * Temporal Supersampling", SIGGRAPH 2014). GLSL twin: shaders/tonemap.glsl.
 */
public final class ToneMap {
    /** Largest tone-mapped value the fuse op outputs; its inverse, 4095, fits RGBA16F. */
    public static final float MAX_TONEMAPPED = 1f - 1f / 4096f;

    private ToneMap() {
    }

    /** T(max(c, 0)): negative radiance is treated as black. */
    public static float forward(float c) {
        float x = Math.max(c, 0f);
        return x / (1f + x);
    }

    /** T⁻¹(y) = y / (1 − y) for y in [0, MAX_TONEMAPPED]. */
    public static float inverse(float y) {
        return y / (1f - y);
    }
}
