package dev.ocular.scenes;

/**
 * Bad user input to a scene command — unknown scene or pattern, bad size, unreadable or malformed glTF — with a
 * one-line message that names the input. The CLI prints the message and exits with status 2.
 */
public final class SceneInputException extends dev.ocular.gpu.BadInputException {
    public SceneInputException(String message) {
        super(message);
    }

    public SceneInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
