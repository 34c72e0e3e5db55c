package dev.ocular.distortion;

/**
 * Bad input to the distortion module: a lens profile, a measured grid or a points file that cannot be used. The message
 * is always one line, {@code FILE: WHERE: REASON}, where WHERE is a JSON path ({@code eyes.left.lens.k[2]}) or a CSV
 * position ({@code line 7}). Command-line front ends print the message and exit with status 2.
 */
public final class LensInputException extends dev.ocular.gpu.BadInputException {
    private final String file;
    private final String location;
    private final String reason;

    public LensInputException(String file, String location, String reason) {
        super(oneLine(file + ": " + location + ": " + reason));
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public LensInputException(String file, String location, String reason, Throwable cause) {
        super(oneLine(file + ": " + location + ": " + reason), cause);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    /** The file (or {@code builtin:NAME}) the bad input came from. */
    public String file() {
        return file;
    }

    /** JSON path or CSV position of the bad value. */
    public String location() {
        return location;
    }

    /** Why the value was rejected. */
    public String reason() {
        return reason;
    }

    // Parser messages can carry newlines and source excerpts; the contract is one line, so fold them.
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
