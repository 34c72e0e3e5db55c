package dev.ocular.compositor.xr;

/** No OpenXR runtime or no headset: one line for the user saying what is missing and what to do. */
public final class XrUnavailableException extends RuntimeException {
    public XrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
