package dev.ocular.scenes.render;

import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HaltonJitter;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to render for a frame: which eyes at which sizes, the upscale ratio the low-resolution render is meant for
 * (it sets the jitter phase count ⌈8·ratio²⌉ and the texture LOD bias −log2 ratio), whether to jitter, and whether
 * multiview may be used (it is used only when both eyes are rendered at the same size and the device supports it).
 *
 * @param upscaleRatio output / render resolution per axis, ≥ 1 (1 = render at display resolution)
 */
public record RenderSettings(Set<Eye> eyes, int leftWidth, int leftHeight, int rightWidth, int rightHeight,
        double upscaleRatio, boolean jitter, boolean allowMultiview) {
    /** Largest eye image side; lavapipe and desktop GPUs accept 16384, mobile ones may not. */
    public static final int MAX_SIZE = 16384;

    public RenderSettings {
        if (eyes.isEmpty()) {
            throw new IllegalArgumentException("render settings name no eye");
        }
        eyes = Set.copyOf(eyes);
        checkSize(leftWidth, leftHeight);
        checkSize(rightWidth, rightHeight);
        if (!(upscaleRatio >= 1 && upscaleRatio <= 8)) {
            throw new IllegalArgumentException("upscale ratio " + upscaleRatio + " is outside [1, 8]");
        }
    }

    private static void checkSize(int w, int h) {
        if (w < 1 || h < 1 || w > MAX_SIZE || h > MAX_SIZE) {
            throw new IllegalArgumentException("eye size " + w + "x" + h + " is outside 1.." + MAX_SIZE);
        }
    }

    /** Both eyes at {@code width}×{@code height}, jittered for {@code ratio}, multiview allowed. */
    public static RenderSettings stereo(int width, int height, double ratio) {
        return new RenderSettings(EnumSet.allOf(Eye.class), width, height, width, height, ratio, true, true);
    }

    public RenderSettings withJitter(boolean enabled) {
        return new RenderSettings(eyes, leftWidth, leftHeight, rightWidth, rightHeight, upscaleRatio, enabled,
                allowMultiview);
    }

    public RenderSettings withMultiview(boolean allowed) {
        return new RenderSettings(eyes, leftWidth, leftHeight, rightWidth, rightHeight, upscaleRatio, jitter, allowed);
    }

    public RenderSettings withEyes(Set<Eye> which) {
        return new RenderSettings(which, leftWidth, leftHeight, rightWidth, rightHeight, upscaleRatio, jitter,
                allowMultiview);
    }

    public int width(Eye eye) {
        return eye == Eye.LEFT ? leftWidth : rightWidth;
    }

    public int height(Eye eye) {
        return eye == Eye.LEFT ? leftHeight : rightHeight;
    }

    /** Mip LOD bias −log2(ratio): textures keep the detail of the output resolution (docs/conventions.md). */
    public float lodBias() {
        return (float) -(Math.log(upscaleRatio) / Math.log(2));
    }

    public HaltonJitter jitterSequence() {
        return HaltonJitter.forRatio(upscaleRatio);
    }

    /** Whether both eyes go in one multiview pass on a device with {@code deviceMultiview}. */
    public boolean usesMultiview(boolean deviceMultiview) {
        return deviceMultiview && allowMultiview && eyes.size() == 2 && leftWidth == rightWidth
                && leftHeight == rightHeight;
    }
}
