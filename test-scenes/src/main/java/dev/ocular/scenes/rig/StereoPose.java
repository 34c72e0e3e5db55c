package dev.ocular.scenes.rig;

/** Both eyes' poses and fields of view at one instant. */
public record StereoPose(EyePose left, EyePose right) {
    public EyePose eye(Eye eye) {
        return eye == Eye.LEFT ? left : right;
    }
}
