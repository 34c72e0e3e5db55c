package dev.ocular.compositor.pipeline;

import dev.ocular.compositor.upscale.Method;

/**
 * What a tester sets per eye: render-scale ratio (output / render per axis), reconstruction method and sharpening
 * strength (0 = none; applied by methods that support it).
 */
public record EyeSettings(double ratio, Method method, float sharpening) {
    public EyeSettings {
        if (!(ratio >= Preset.MIN_RATIO && ratio <= Preset.MAX_RATIO)) {
            throw new IllegalArgumentException("ratio " + ratio + " outside [1, 3]");
        }
        if (!(sharpening >= 0 && sharpening <= 1)) {
            throw new IllegalArgumentException("sharpening " + sharpening + " outside [0, 1]");
        }
    }

    public String presetLabel() {
        return Preset.label(ratio);
    }

    public EyeSettings withRatio(double newRatio) {
        return new EyeSettings(newRatio, method, sharpening);
    }

    public EyeSettings withMethod(Method newMethod) {
        return new EyeSettings(ratio, newMethod, sharpening);
    }

    public EyeSettings withSharpening(float newSharpening) {
        return new EyeSettings(ratio, method, newSharpening);
    }
}
