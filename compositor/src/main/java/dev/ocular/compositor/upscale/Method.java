package dev.ocular.compositor.upscale;

import dev.ocular.gpu.BadInputException;
import java.util.Locale;

/** Reconstruction methods a tester can pick per eye. vr-net is the product; the others are baselines. */
public enum Method {
    /** vr-net: learned per-pixel reconstruction and temporal fusion. */
    VRNET,
    /** Non-learned temporal upsampling with the same jitter and motion vectors (history clamping). */
    TAAU,
    /** Edge-adaptive spatial upscaler (FSR 1 class). */
    SPATIAL,
    /** Catmull-Rom bicubic. */
    BICUBIC,
    /** Lanczos-2 (4×4 taps). */
    LANCZOS,
    BILINEAR;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Method parse(String text, String field) {
        for (Method m : values()) {
            if (m.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new BadInputException(field + ": unknown method '" + text + "' (vrnet, taau, spatial, bicubic, lanczos, "
                + "bilinear)");
    }

    /** Whether the method keeps history across frames (reset on cuts and setting changes). */
    public boolean temporal() {
        return this == VRNET || this == TAAU;
    }
}
