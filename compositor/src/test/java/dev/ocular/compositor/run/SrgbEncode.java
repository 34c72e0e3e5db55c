package dev.ocular.compositor.run;

/** The sRGB transfer function (IEC 61966-2-1), as Vulkan's sRGB formats apply it on write. */
final class SrgbEncode {
    private SrgbEncode() {
    }

    static float encode(float linear) {
        return linear <= 0.0031308f ? 12.92f * linear : (float) (1.055 * Math.pow(linear, 1 / 2.4) - 0.055);
    }
}
