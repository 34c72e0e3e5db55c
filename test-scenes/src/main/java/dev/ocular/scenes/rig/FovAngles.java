package dev.ocular.scenes.rig;

/**
 * One eye's field of view exactly as OpenXR's {@code XrFovf} gives it: four angles in radians from the view
 * direction, measured in the eye's space (x right, y up, looking down −z). Left and down are negative when the edge
 * lies left of / below the view direction, which is the usual case; asymmetric frusta (canted or offset lenses) simply
 * have |angleLeft| ≠ angleRight.
 */
public record FovAngles(float angleLeft, float angleRight, float angleUp, float angleDown) {
    public FovAngles {
        if (!(angleLeft < angleRight) || !(angleDown < angleUp)) {
            throw new IllegalArgumentException("empty field of view: left " + angleLeft + " right " + angleRight
                    + " up " + angleUp + " down " + angleDown);
        }
        for (float a : new float[] {angleLeft, angleRight, angleUp, angleDown}) {
            if (!(Math.abs(a) < Math.PI / 2 - 1e-4)) {
                throw new IllegalArgumentException("FOV angle " + a + " rad is not strictly inside ±90°");
            }
        }
    }

    public static FovAngles degrees(double left, double right, double up, double down) {
        return new FovAngles((float) Math.toRadians(left), (float) Math.toRadians(right), (float) Math.toRadians(up),
                (float) Math.toRadians(down));
    }

    public static FovAngles symmetric(double horizontalDegrees, double verticalDegrees) {
        return degrees(-horizontalDegrees / 2, horizontalDegrees / 2, verticalDegrees / 2, -verticalDegrees / 2);
    }

    /** A Quest-3-class left eye: wider towards the nose-far side (outer edge), slightly taller below. */
    public static FovAngles questLikeLeft() {
        return degrees(-52, 44, 48, -52);
    }

    /** The mirror image of {@link #questLikeLeft()}. */
    public static FovAngles questLikeRight() {
        return questLikeLeft().mirrored();
    }

    /** The same frustum reflected left↔right (the other eye of a symmetric headset). */
    public FovAngles mirrored() {
        return new FovAngles(-angleRight, -angleLeft, angleUp, angleDown);
    }

    public double tanLeft() {
        return Math.tan(angleLeft);
    }

    public double tanRight() {
        return Math.tan(angleRight);
    }

    public double tanUp() {
        return Math.tan(angleUp);
    }

    public double tanDown() {
        return Math.tan(angleDown);
    }

    /** Width / height of the image plane at unit distance: an eye buffer of this aspect has square pixels. */
    public double aspect() {
        return (tanRight() - tanLeft()) / (tanUp() - tanDown());
    }
}
