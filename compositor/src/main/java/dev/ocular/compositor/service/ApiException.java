package dev.ocular.compositor.service;

/** An HTTP error answer with its status and a one-line reason, sent as {@code {"error": reason, "status": n}}. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}
