package dev.ocular.scenes.rig;

/**
 * One frame of tracked views as OpenXR reports them ({@code xrLocateViews} for the predicted display time): each
 * eye's pose and field of view, in the application's reference space, plus whether the pose is valid and tracked.
 * This is the input type for rendering live instead of from a script.
 *
 * @param displayTimeNanos the XrTime the views were located for
 * @param tracked          both XR_VIEW_STATE_ORIENTATION_TRACKED and POSITION_TRACKED were set; when false the
 *                         runtime is extrapolating or lost tracking and history should not be trusted
 */
public record LiveViews(long displayTimeNanos, EyePose left, EyePose right, boolean tracked) {
    public StereoPose pose() {
        return new StereoPose(left, right);
    }
}
