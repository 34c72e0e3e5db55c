package dev.ocular.scenes.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StereoRigTest {

    @ParameterizedTest(name = "ipd {0} yaw {1} pitch {2}")
    @CsvSource({"0.063, 0, 0", "0.058, 90, 0", "0.070, -37, 21", "0.0, 10, 10"})
    void eyesAreIpdApartAlongTheHeadsXAxis(float ipd, double yaw, double pitch) {
        StereoRig rig = new StereoRig(ipd, FovAngles.questLikeLeft(), FovAngles.questLikeRight());
        HeadPose head = HeadPose.at(1, 1.6f, -2, yaw, pitch);
        StereoPose eyes = rig.eyes(head);
        Vector3f delta = new Vector3f(eyes.right().position()).sub(eyes.left().position());
        assertEquals(ipd, delta.length(), 1e-6);
        Vector3f headX = head.orientation().transform(new Vector3f(1, 0, 0));
        assertEquals(ipd, delta.dot(headX), 1e-6, "right eye must be to the head's right");
        Vector3f middle = new Vector3f(eyes.left().position()).add(eyes.right().position()).mul(0.5f);
        assertEquals(0, middle.distance(head.position()), 1e-6, "eyes straddle the head position");
    }

    @ParameterizedTest(name = "yaw {0}")
    @CsvSource({"0", "45", "-120"})
    void viewMatricesSeeAWorldPointShiftedByTheIpd(double yaw) {
        StereoRig rig = StereoRig.questLike();
        StereoPose eyes = rig.eyes(HeadPose.at(0.2f, 1.7f, 0.5f, yaw, 5));
        Vector4f world = new Vector4f(3, 1, -4, 1);
        Vector4f inLeft = eyes.left().view(new Matrix4f()).transform(new Vector4f(world));
        Vector4f inRight = eyes.right().view(new Matrix4f()).transform(new Vector4f(world));
        // Same orientation, so the point differs only along eye-space x, by exactly the IPD.
        assertEquals(StereoRig.DEFAULT_IPD, inLeft.x - inRight.x, 1e-5);
        assertEquals(inLeft.y, inRight.y, 1e-5);
        assertEquals(inLeft.z, inRight.z, 1e-5);
        Vector4f eye = eyes.left().view(new Matrix4f()).transform(new Vector4f(
                new Vector3f(eyes.left().position()), 1));
        assertEquals(0, new Vector3f(eye.x, eye.y, eye.z).length(), 1e-5, "view maps the eye to the origin");
    }

    @org.junit.jupiter.api.Test
    void rejectsImpossibleInputs() {
        assertThrows(IllegalArgumentException.class, () -> new StereoRig(-0.01f, FovAngles.questLikeLeft(),
                FovAngles.questLikeRight()));
        assertThrows(IllegalArgumentException.class, () -> FovAngles.degrees(10, -10, 40, -40));
        assertThrows(IllegalArgumentException.class, () -> FovAngles.degrees(-95, 40, 40, -40));
    }
}
