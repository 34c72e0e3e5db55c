package dev.ocular.compositor.report;

import dev.ocular.gpu.BadInputException;

/** The two eyes, in {@link dev.ocular.compositor.metrics.FrameLog}'s order: index 0 is the left eye, 1 the right. */
public enum StereoEye {
    LEFT("left", "Left"),
    RIGHT("right", "Right");

    private final String key;
    private final String title;

    StereoEye(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The eye's index in FrameLog's per-eye columns. */
    public int index() {
        return ordinal();
    }

    /** Lower-case name used in JSON keys, URLs and sweep keys ({@code left}, {@code right}). */
    public String key() {
        return key;
    }

    /** Capitalised name used in CSV headers and report headings. */
    public String title() {
        return title;
    }

    /** Parses {@code left}/{@code right} (any case); anything else is bad input naming what was given. */
    public static StereoEye parse(String text) {
        for (StereoEye eye : values()) {
            if (eye.key.equalsIgnoreCase(text)) {
                return eye;
            }
        }
        throw new BadInputException("unknown eye '" + text + "' (expected left or right)");
    }
}
