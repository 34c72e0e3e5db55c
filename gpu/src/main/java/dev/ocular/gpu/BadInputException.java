package dev.ocular.gpu;

/**
 * Input a user gave is wrong: a file, a field or a flag value. The message is one line naming the input (file and
 * field where there is one) and the reason; command-line front ends print it and exit with 2. Every module's
 * bad-input exception extends this so the CLI maps them alike.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
