package dev.ocular.compositor.report.sweep;

import dev.ocular.gpu.BadInputException;

/** A {@code --sweep} spec that cannot be used; the message is one line quoting the spec and saying why. */
public final class SweepSpecException extends BadInputException {
    public SweepSpecException(String spec, String reason) {
        super("--sweep '" + spec + "': " + reason);
    }

    public SweepSpecException(String message) {
        super(message);
    }
}
