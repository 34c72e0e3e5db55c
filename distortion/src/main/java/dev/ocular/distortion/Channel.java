package dev.ocular.distortion;

/**
 * A colour channel of the panel. Lenses bend short wavelengths more than long ones, so every lens model maps each
 * channel separately; the distortion pass samples red, green and blue of the eye image at three different points.
 * Green is the reference channel: masks, fold checks and summaries that need one channel use it.
 */
public enum Channel {
    RED("red"),
    GREEN("green"),
    BLUE("blue");

    private final String jsonName;

    Channel(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The lower-case name used in profile files, reports and CSV headers. */
    public String jsonName() {
        return jsonName;
    }

    /** Index of this channel in an RGBA pixel (0, 1, 2). */
    public int rgbaIndex() {
        return ordinal();
    }
}
