package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;

/** XrSessionState, as a Java enum. */
public enum SessionState {
    UNKNOWN, IDLE, READY, SYNCHRONIZED, VISIBLE, FOCUSED, STOPPING, LOSS_PENDING, EXITING;

    public static SessionState of(int xr) {
        return switch (xr) {
            case XR_SESSION_STATE_IDLE -> IDLE;
            case XR_SESSION_STATE_READY -> READY;
            case XR_SESSION_STATE_SYNCHRONIZED -> SYNCHRONIZED;
            case XR_SESSION_STATE_VISIBLE -> VISIBLE;
            case XR_SESSION_STATE_FOCUSED -> FOCUSED;
            case XR_SESSION_STATE_STOPPING -> STOPPING;
            case XR_SESSION_STATE_LOSS_PENDING -> LOSS_PENDING;
            case XR_SESSION_STATE_EXITING -> EXITING;
            default -> UNKNOWN;
        };
    }
}
