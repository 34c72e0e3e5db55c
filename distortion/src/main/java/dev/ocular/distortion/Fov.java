package dev.ocular.distortion;

import java.util.Locale;

/**
 * The field of view an eye's render image covers, as OpenXR's {@code XrFovf}: angles in degrees from the forward axis,
 * left and down negative. The render image spans [tan(left), tan(right)] × [tan(down), tan(up)] in render (tangent)
 * coordinates; {@link #toU}/{@link #toV} give the matching texture coordinates, u = 0 at the image's left edge and
 * v = 0 at its top edge (Vulkan's orientation).
 *
 * <p>Immutable value; the tangents are computed once because the distortion pass converts every pixel.
 */
public final class Fov {
    /** Angles at or beyond this from the axis have no usable tangent. */
    public static final double LIMIT_DEG = 89.0;

    private final double leftDeg;
    private final double rightDeg;
    private final double upDeg;
    private final double downDeg;
    private final double tanLeft;
    private final double tanRight;
    private final double tanUp;
    private final double tanDown;

    /** @throws IllegalArgumentException naming the angle when the field of view is empty or not finite */
    public Fov(double leftDeg, double rightDeg, double upDeg, double downDeg) {
        check("left", leftDeg);
        check("right", rightDeg);
        check("up", upDeg);
        check("down", downDeg);
        if (!(leftDeg < rightDeg)) {
            throw new IllegalArgumentException("left (" + leftDeg + "°) must be less than right (" + rightDeg + "°)");
        }
        if (!(downDeg < upDeg)) {
            throw new IllegalArgumentException("down (" + downDeg + "°) must be less than up (" + upDeg + "°)");
        }
        this.leftDeg = leftDeg;
        this.rightDeg = rightDeg;
        this.upDeg = upDeg;
        this.downDeg = downDeg;
        this.tanLeft = Math.tan(Math.toRadians(leftDeg));
        this.tanRight = Math.tan(Math.toRadians(rightDeg));
        this.tanUp = Math.tan(Math.toRadians(upDeg));
        this.tanDown = Math.tan(Math.toRadians(downDeg));
    }

    private static void check(String name, double deg) {
        if (!Double.isFinite(deg) || Math.abs(deg) >= LIMIT_DEG) {
            throw new IllegalArgumentException(name + " angle must be finite and within ±" + LIMIT_DEG + "°, got "
                    + deg);
        }
    }

    /** A field of view from tangent extents (left and down negative). */
    public static Fov fromTangents(double tanLeft, double tanRight, double tanUp, double tanDown) {
        return new Fov(Math.toDegrees(Math.atan(tanLeft)), Math.toDegrees(Math.atan(tanRight)),
                Math.toDegrees(Math.atan(tanUp)), Math.toDegrees(Math.atan(tanDown)));
    }

    public double leftDeg() {
        return leftDeg;
    }

    public double rightDeg() {
        return rightDeg;
    }

    public double upDeg() {
        return upDeg;
    }

    public double downDeg() {
        return downDeg;
    }

    public double tanLeft() {
        return tanLeft;
    }

    public double tanRight() {
        return tanRight;
    }

    public double tanUp() {
        return tanUp;
    }

    public double tanDown() {
        return tanDown;
    }

    /** Horizontal extent in degrees. */
    public double horizontalDeg() {
        return rightDeg - leftDeg;
    }

    /** Vertical extent in degrees. */
    public double verticalDeg() {
        return upDeg - downDeg;
    }

    /** Texture u of render x: 0 at the left edge of the image, 1 at the right edge. */
    public double toU(double renderX) {
        return (renderX - tanLeft) / (tanRight - tanLeft);
    }

    /** Texture v of render y: 0 at the top edge of the image, 1 at the bottom edge. */
    public double toV(double renderY) {
        return (tanUp - renderY) / (tanUp - tanDown);
    }

    /** Render x of texture u. */
    public double fromU(double u) {
        return tanLeft + u * (tanRight - tanLeft);
    }

    /** Render y of texture v. */
    public double fromV(double v) {
        return tanUp - v * (tanUp - tanDown);
    }

    /** Whether a render direction falls inside the image (edges included). */
    public boolean contains(double renderX, double renderY) {
        return renderX >= tanLeft && renderX <= tanRight && renderY >= tanDown && renderY <= tanUp;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fov f && f.leftDeg == leftDeg && f.rightDeg == rightDeg && f.upDeg == upDeg
                && f.downDeg == downDeg;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(leftDeg) * 31 * 31 * 31 + Double.hashCode(rightDeg) * 31 * 31
                + Double.hashCode(upDeg) * 31 + Double.hashCode(downDeg);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Fov[left=%.4f°, right=%.4f°, up=%.4f°, down=%.4f°]", leftDeg, rightDeg,
                upDeg, downDeg);
    }
}
