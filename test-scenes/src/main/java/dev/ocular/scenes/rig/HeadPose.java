package dev.ocular.scenes.rig;

import org.joml.Quaternionf;
import org.joml.Quaternionfc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/** The head (the point between the eyes) in world space. Immutable: the constructor copies. */
public record HeadPose(Vector3fc position, Quaternionfc orientation) {
    public HeadPose {
        position = new Vector3f(position);
        orientation = new Quaternionf(orientation).normalize();
    }

    public static HeadPose at(float x, float y, float z) {
        return new HeadPose(new Vector3f(x, y, z), new Quaternionf());
    }

    /** At (x, y, z), turned {@code yawDegrees} to the left about +y and pitched {@code pitchDegrees} up. */
    public static HeadPose at(float x, float y, float z, double yawDegrees, double pitchDegrees) {
        return new HeadPose(new Vector3f(x, y, z), new Quaternionf().rotateY((float) Math.toRadians(yawDegrees))
                .rotateX((float) Math.toRadians(pitchDegrees)));
    }

    /** This pose followed by {@code local} expressed in this pose's frame (parent ∘ child). */
    public HeadPose then(HeadPose local) {
        Vector3f p = orientation.transform(new Vector3f(local.position)).add(position);
        return new HeadPose(p, new Quaternionf(orientation).mul(local.orientation));
    }
}
