package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;

/**
 * An OpenXR call that failed. Carries the call and the XrResult's name. Success codes other than XR_SUCCESS
 * (XR_SESSION_LOSS_PENDING, XR_FRAME_DISCARDED, XR_TIMEOUT_EXPIRED…) are handled by the caller, never thrown.
 */
public final class XrException extends RuntimeException {
    private final String call;
    private final int result;

    public XrException(String call, int result) {
        super(call + " failed: " + name(result));
        this.call = call;
        this.result = result;
    }

    /** Throws unless {@code result} is a success code (≥ 0); returns it so callers can branch on positive codes. */
    public static int check(int result, String call) {
        if (result < 0) {
            throw new XrException(call, result);
        }
        return result;
    }

    public String call() {
        return call;
    }

    public int result() {
        return result;
    }

    /** Runtime lost or gone: the caller may tear down and retry. */
    public boolean isLoss() {
        return result == XR_ERROR_INSTANCE_LOST || result == XR_ERROR_SESSION_LOST
                || result == XR_ERROR_RUNTIME_UNAVAILABLE || result == XR_ERROR_RUNTIME_FAILURE;
    }

    public static String name(int result) {
        return switch (result) {
            case XR_SUCCESS -> "XR_SUCCESS";
            case XR_TIMEOUT_EXPIRED -> "XR_TIMEOUT_EXPIRED";
            case XR_SESSION_LOSS_PENDING -> "XR_SESSION_LOSS_PENDING";
            case XR_EVENT_UNAVAILABLE -> "XR_EVENT_UNAVAILABLE";
            case XR_SESSION_NOT_FOCUSED -> "XR_SESSION_NOT_FOCUSED";
            case XR_FRAME_DISCARDED -> "XR_FRAME_DISCARDED";
            case XR_ERROR_VALIDATION_FAILURE -> "XR_ERROR_VALIDATION_FAILURE";
            case XR_ERROR_RUNTIME_FAILURE -> "XR_ERROR_RUNTIME_FAILURE";
            case XR_ERROR_OUT_OF_MEMORY -> "XR_ERROR_OUT_OF_MEMORY";
            case XR_ERROR_API_VERSION_UNSUPPORTED -> "XR_ERROR_API_VERSION_UNSUPPORTED";
            case XR_ERROR_INITIALIZATION_FAILED -> "XR_ERROR_INITIALIZATION_FAILED";
            case XR_ERROR_FUNCTION_UNSUPPORTED -> "XR_ERROR_FUNCTION_UNSUPPORTED";
            case XR_ERROR_FEATURE_UNSUPPORTED -> "XR_ERROR_FEATURE_UNSUPPORTED";
            case XR_ERROR_EXTENSION_NOT_PRESENT -> "XR_ERROR_EXTENSION_NOT_PRESENT";
            case XR_ERROR_LIMIT_REACHED -> "XR_ERROR_LIMIT_REACHED";
            case XR_ERROR_SIZE_INSUFFICIENT -> "XR_ERROR_SIZE_INSUFFICIENT";
            case XR_ERROR_HANDLE_INVALID -> "XR_ERROR_HANDLE_INVALID";
            case XR_ERROR_INSTANCE_LOST -> "XR_ERROR_INSTANCE_LOST";
            case XR_ERROR_SESSION_RUNNING -> "XR_ERROR_SESSION_RUNNING";
            case XR_ERROR_SESSION_NOT_RUNNING -> "XR_ERROR_SESSION_NOT_RUNNING";
            case XR_ERROR_SESSION_LOST -> "XR_ERROR_SESSION_LOST";
            case XR_ERROR_SYSTEM_INVALID -> "XR_ERROR_SYSTEM_INVALID";
            case XR_ERROR_PATH_INVALID -> "XR_ERROR_PATH_INVALID";
            case XR_ERROR_SWAPCHAIN_RECT_INVALID -> "XR_ERROR_SWAPCHAIN_RECT_INVALID";
            case XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED -> "XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED";
            case XR_ERROR_CALL_ORDER_INVALID -> "XR_ERROR_CALL_ORDER_INVALID";
            case XR_ERROR_GRAPHICS_DEVICE_INVALID -> "XR_ERROR_GRAPHICS_DEVICE_INVALID";
            case XR_ERROR_POSE_INVALID -> "XR_ERROR_POSE_INVALID";
            case XR_ERROR_INDEX_OUT_OF_RANGE -> "XR_ERROR_INDEX_OUT_OF_RANGE";
            case XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED -> "XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED";
            case XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED -> "XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED";
            case XR_ERROR_SESSION_NOT_READY -> "XR_ERROR_SESSION_NOT_READY";
            case XR_ERROR_SESSION_NOT_STOPPING -> "XR_ERROR_SESSION_NOT_STOPPING";
            case XR_ERROR_TIME_INVALID -> "XR_ERROR_TIME_INVALID";
            case XR_ERROR_REFERENCE_SPACE_UNSUPPORTED -> "XR_ERROR_REFERENCE_SPACE_UNSUPPORTED";
            case XR_ERROR_FORM_FACTOR_UNSUPPORTED -> "XR_ERROR_FORM_FACTOR_UNSUPPORTED";
            case XR_ERROR_FORM_FACTOR_UNAVAILABLE -> "XR_ERROR_FORM_FACTOR_UNAVAILABLE";
            case XR_ERROR_API_LAYER_NOT_PRESENT -> "XR_ERROR_API_LAYER_NOT_PRESENT";
            case XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING -> "XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING";
            case XR_ERROR_RUNTIME_UNAVAILABLE -> "XR_ERROR_RUNTIME_UNAVAILABLE";
            default -> "XrResult(" + result + ")";
        };
    }
}
