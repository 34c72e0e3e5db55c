package dev.ocular.compositor.xr;

/**
 * One eye's located view: pose in the reference space (position in metres, orientation quaternion x, y, z, w) and
 * the four FOV half-angles in radians (OpenXR convention: left and down negative).
 */
public record EyeView(float px, float py, float pz, float qx, float qy, float qz, float qw, float angleLeft,
        float angleRight, float angleUp, float angleDown) {
}
