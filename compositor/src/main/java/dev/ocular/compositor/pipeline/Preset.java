package dev.ocular.compositor.pipeline;

import dev.ocular.gpu.BadInputException;
import java.util.Locale;

/**
 * Per-eye render-scale presets, as the ratio of output to render resolution per axis. Ratios from the DLSS
 * Programming Guide 3.5 / FSR 2 / XeSS 2 (Quality 1.5, Balanced 1.7 — DLSS uses 1.724 —, Performance 2.0, Ultra
 * Performance 3.0); NATIVE renders at output resolution (DLAA-like).
 */
public enum Preset {
    NATIVE(1.0),
    QUALITY(1.5),
    BALANCED(1.7),
    PERFORMANCE(2.0),
    ULTRA_PERFORMANCE(3.0);

    /** Ratios ocular accepts for a custom scale. */
    public static final double MIN_RATIO = 1.0;
    public static final double MAX_RATIO = 3.0;

    private final double ratio;

    Preset(double ratio) {
        this.ratio = ratio;
    }

    public double ratio() {
        return ratio;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a preset name (native, quality, balanced, performance, ultra-performance or ultra) or a custom ratio
     * such as 1.3 or custom:1.3; returns the ratio.
     */
    public static double parseRatio(String text, String field) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("ultra")) {
            return ULTRA_PERFORMANCE.ratio;
        }
        for (Preset p : values()) {
            if (p.cliName().equals(t) || p.name().toLowerCase(Locale.ROOT).equals(t)) {
                return p.ratio;
            }
        }
        String number = t.startsWith("custom:") ? t.substring("custom:".length()) : t;
        double ratio;
        try {
            ratio = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new BadInputException(field + ": unknown preset '" + text + "' (native, quality, balanced, "
                    + "performance, ultra-performance, or a ratio in [1, 3])");
        }
        if (!(ratio >= MIN_RATIO && ratio <= MAX_RATIO)) {
            throw new BadInputException(field + ": ratio " + text + " is outside [1, 3]");
        }
        return ratio;
    }

    /** The preset with this exact ratio, or null-free label "custom:r" for others. */
    public static String label(double ratio) {
        for (Preset p : values()) {
            if (Math.abs(p.ratio - ratio) < 1e-9) {
                return p.cliName();
            }
        }
        return "custom:" + ratio;
    }

    /** Render size for an output size at this ratio: rounded to the nearest pixel, at least 1. */
    public static int renderSize(int outputSize, double ratio) {
        return Math.max(1, (int) Math.round(outputSize / ratio));
    }
}
