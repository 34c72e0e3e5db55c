package dev.ocular.scenes.rig;

import org.joml.Matrix4f;
import org.joml.Quaternionf;
import org.joml.Quaternionfc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Where one eye is and what it sees, in OpenXR's terms ({@code XrView}: pose + fov). World space is right-handed,
 * +y up, metres; the eye looks down its local −z with +x to its right. Immutable: the constructor copies.
 */
public record EyePose(Vector3fc position, Quaternionfc orientation, FovAngles fov) {
    public EyePose {
        position = new Vector3f(position);
        orientation = new Quaternionf(orientation).normalize();
    }

    /** World → eye (view) matrix: the inverse of the eye's rigid transform. */
    public Matrix4f view(Matrix4f dest) {
        return dest.rotation(new Quaternionf(orientation).conjugate())
                .translate(-position.x(), -position.y(), -position.z());
    }

    /** The eye's view direction (local −z) in world space. */
    public Vector3f forward(Vector3f dest) {
        return orientation.transform(dest.set(0, 0, -1));
    }
}
