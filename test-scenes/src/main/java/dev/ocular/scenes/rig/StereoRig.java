package dev.ocular.scenes.rig;

import org.joml.Vector3f;

/**
 * A head-mounted stereo camera: two eyes {@code ipd} metres apart along the head's x axis, each with its own
 * (possibly asymmetric) field of view. Turns head poses into eye poses.
 *
 * @param ipd interpupillary distance in metres (typical adults 0.054–0.074)
 */
public record StereoRig(float ipd, FovAngles leftFov, FovAngles rightFov) {
    public static final float DEFAULT_IPD = 0.063f;

    public StereoRig {
        if (!(ipd >= 0 && ipd < 0.2f)) {
            throw new IllegalArgumentException("IPD " + ipd + " m is outside [0, 0.2)");
        }
    }

    /** The Quest-3-class rig used by the built-in scenes. */
    public static StereoRig questLike() {
        return new StereoRig(DEFAULT_IPD, FovAngles.questLikeLeft(), FovAngles.questLikeRight());
    }

    public StereoPose eyes(HeadPose head) {
        return new StereoPose(eye(head, Eye.LEFT), eye(head, Eye.RIGHT));
    }

    public EyePose eye(HeadPose head, Eye eye) {
        float side = eye == Eye.LEFT ? -0.5f : 0.5f;
        Vector3f offset = head.orientation().transform(new Vector3f(side * ipd, 0, 0));
        return new EyePose(offset.add(head.position()), head.orientation(), eye == Eye.LEFT ? leftFov : rightFov);
    }
}
