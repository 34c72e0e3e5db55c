package dev.ocular.scenes.scene;

/** The sRGB transfer function (IEC 61966-2-1) and the Reinhard tone map used for previews. */
public final class ColourSpace {
    private ColourSpace() {
    }

    public static double srgbToLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    public static double linearToSrgb(double v) {
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    /** Reinhard per channel, then sRGB encode, to an 8-bit value (docs/conventions.md's preview tone map). */
    public static int toneMapToByte(float linear) {
        double v = Float.isFinite(linear) ? Math.max(linear, 0) : 0;
        double mapped = v / (1 + v);
        return (int) Math.round(linearToSrgb(mapped) * 255);
    }
}
