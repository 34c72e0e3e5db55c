package dev.ocular.compositor.service;

/**
 * A well-formed request the compositor cannot carry out in its current state (capturing while no frame is rendered,
 * stopping a profile window that was never started). The service answers 409 with the message; it is not bad input.
 */
public final class ControlConflictException extends RuntimeException {
    public ControlConflictException(String message) {
        super(message);
    }
}
