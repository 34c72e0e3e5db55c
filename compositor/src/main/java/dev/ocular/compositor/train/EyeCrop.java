package dev.ocular.compositor.train;

import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.vrnet.EyeParams;

/**
 * A window of an eye's output image, rendered on its own at the full eye's pixel density: the window's field of view
 * is the full frustum's slice in tangent space (projections are linear in tan θ, so each pixel keeps its exact size
 * and place), which makes a 96-pixel crop cost what 96 pixels cost while its content, texture LOD and motion vectors
 * are those of the headset-sized eye. Pixel coordinates are output pixels, row 0 at the top (the frustum's up edge).
 *
 * @param x0        left column of the window in the full eye's output image
 * @param y0        top row
 * @param eyeWidth  the full eye's output size (e.g. 1032 × 1104, the Quest-like rig's)
 */
public record EyeCrop(int x0, int y0, int width, int height, int eyeWidth, int eyeHeight) {
    public EyeCrop {
        if (width <= 0 || height <= 0 || x0 < 0 || y0 < 0 || x0 + width > eyeWidth || y0 + height > eyeHeight) {
            throw new IllegalArgumentException("crop " + width + "x" + height + " at " + x0 + "," + y0
                    + " does not fit an eye of " + eyeWidth + "x" + eyeHeight);
        }
    }

    /** The whole eye. */
    public static EyeCrop whole(int eyeWidth, int eyeHeight) {
        return new EyeCrop(0, 0, eyeWidth, eyeHeight, eyeWidth, eyeHeight);
    }

    /** The window's frustum, cut from the full eye's {@code full}. */
    public FovAngles fov(FovAngles full) {
        double dx = (full.tanRight() - full.tanLeft()) / eyeWidth;
        double dy = (full.tanUp() - full.tanDown()) / eyeHeight;
        double left = full.tanLeft() + dx * x0;
        double right = full.tanLeft() + dx * (x0 + width);
        double up = full.tanUp() - dy * y0;
        double down = full.tanUp() - dy * (y0 + height);
        return new FovAngles((float) Math.atan(left), (float) Math.atan(right), (float) Math.atan(up),
                (float) Math.atan(down));
    }

    /**
     * vr-net's per-eye parameters for this window with the lens the compositor assumes for a whole eye (centred,
     * lens coordinates spanning [−1, 1] across the eye; {@code StereoPipeline}'s EyeJob): the window's lens inputs are
     * exactly those its pixels have in the whole eye.
     */
    public EyeParams params(boolean reset) {
        float centreU = (0.5f * eyeWidth - x0) / width;
        float centreV = (0.5f * eyeHeight - y0) / height;
        return new EyeParams(width, height, centreU, centreV, 2f * width / eyeWidth, 2f * height / eyeHeight, reset);
    }
}
