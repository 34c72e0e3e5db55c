package dev.ocular.compositor.service;

import dev.ocular.gpu.BadInputException;

/** Which of an eye's images to capture. */
public enum ImageKind {
    /** The low-resolution scene render that goes into reconstruction. */
    INPUT("input"),
    /** The reconstructed full-resolution eye image (before lens distortion). */
    OUTPUT("output"),
    /** The native-resolution reference render of the same frame. */
    REFERENCE("reference"),
    /** The error map of output against reference. */
    ERROR("error");

    private final String key;

    ImageKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ImageKind parse(String text) {
        for (ImageKind kind : values()) {
            if (kind.key.equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new BadInputException("unknown image '" + text + "' (expected input, output, reference or error)");
    }
}
