package dev.ocular.compositor.run;

import dev.ocular.gpu.BadInputException;
import java.util.Locale;

/**
 * Where frames go. OPENXR submits projection layers to the runtime, which applies its own lens correction, so ocular's
 * distortion is off there; PANEL applies ocular's lens profile and writes the distorted side-by-side panel image (for
 * display-only headsets and lens testing); HEADLESS writes per-eye images (and MP4 when ffmpeg is present).
 */
public enum SinkKind {
    OPENXR, PANEL, HEADLESS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SinkKind parse(String text) {
        for (SinkKind k : values()) {
            if (k.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new BadInputException("--sink: unknown sink '" + text + "' (openxr, panel, headless)");
    }
}
