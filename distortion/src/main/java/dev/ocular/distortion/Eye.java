package dev.ocular.distortion;

import java.util.Locale;

/** Which eye a profile section, mesh or report belongs to. The left eye's viewport is the left half of the panel. */
public enum Eye {
    LEFT,
    RIGHT;

    /** The lower-case name used in profile files and on the command line. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "left" or "right" (any case).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is neither
     */
    public static Eye parse(String text) {
        for (Eye eye : values()) {
            if (eye.jsonName().equalsIgnoreCase(text)) {
                return eye;
            }
        }
        throw new IllegalArgumentException("unknown eye '" + text + "' (expected left or right)");
    }
}
