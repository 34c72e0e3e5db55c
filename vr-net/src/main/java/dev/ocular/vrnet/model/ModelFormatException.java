package dev.ocular.vrnet.model;

/**
 * A spec or weights file (or a parameter read from one) that ocular cannot use. The message is one line of the form
 * {@code SOURCE: FIELD: PROBLEM}, so a command-line front end can print it as is and exit with status 2.
 */
public final class ModelFormatException extends dev.ocular.gpu.BadInputException {
    private final String source;
    private final String field;

    public ModelFormatException(String source, String field, String problem) {
        super(oneLine(source + ": " + field + ": " + problem));
        this.source = source;
        this.field = field;
    }

    public ModelFormatException(String source, String field, String problem, Throwable cause) {
        this(source, field, problem);
        initCause(cause);
    }

    /** The file (or resource) the problem was found in. */
    public String source() {
        return source;
    }

    /** The header field, tensor or JSON path that is wrong. */
    public String field() {
        return field;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
