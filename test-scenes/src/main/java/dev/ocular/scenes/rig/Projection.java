package dev.ocular.scenes.rig;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * Vulkan projection matrices from OpenXR field-of-view angles.
 *
 * <p>Conventions (docs/conventions.md): eye space is OpenXR's (x right, y up, looking down −z). Clip space is
 * Vulkan's: x right, <b>y down</b> (NDC y = −1 is the top row), depth in [0, 1] with <b>reverse-Z and an infinite far
 * plane</b>: NDC depth = near / distance along −z, so 1 at the near plane and → 0 at infinity. A direction on the FOV
 * edge {@code (tan angleLeft, ·, −1)} lands on NDC x = −1, {@code (·, tan angleUp, −1)} on NDC y = −1 (top).
 * Because y is flipped, triangles change winding; ocular's scene pipelines draw both faces.
 */
public final class Projection {
    /** Near plane distance in metres used by the scene renderer (far is infinite). */
    public static final float DEFAULT_NEAR = 0.05f;

    private Projection() {
    }

    /** The reverse-Z, infinite-far, y-down projection for {@code fov}. */
    public static Matrix4f reverseZInfinite(FovAngles fov, float near, Matrix4f dest) {
        if (!(near > 0)) {
            throw new IllegalArgumentException("near plane must be positive, was " + near);
        }
        double l = fov.tanLeft();
        double r = fov.tanRight();
        double u = fov.tanUp();
        double d = fov.tanDown();
        // JOML's set() takes column-major m<column><row>.
        return dest.set(
                (float) (2 / (r - l)), 0, 0, 0,
                0, (float) (-2 / (u - d)), 0, 0,
                (float) ((r + l) / (r - l)), (float) (-(u + d) / (u - d)), 0, -1,
                0, 0, near, 0);
    }

    /**
     * {@code projection} shifted so that pixel (x, y) of a {@code width}×{@code height} image samples the unjittered
     * image at (x + 0.5 + jitterX, y + 0.5 + jitterY) — the jitter definition of docs/conventions.md.
     */
    public static Matrix4f jittered(Matrix4fc projection, float jitterX, float jitterY, int width, int height,
            Matrix4f dest) {
        // A point the unjittered projection puts at pixel position s must land at s − jitter: shift NDC by −2j/size.
        return new Matrix4f().translation(-2f * jitterX / width, -2f * jitterY / height, 0).mul(projection, dest);
    }

    /**
     * The projection of one tile: pixels [x0, x0 + tileWidth) × [y0, y0 + tileHeight) of the full
     * {@code width}×{@code height} image become the tile's whole viewport. Rendering every tile and placing them side
     * by side reproduces the full image (used to supersample references larger than one render target).
     */
    public static Matrix4f tile(Matrix4fc projection, int x0, int y0, int tileWidth, int tileHeight, int width,
            int height, Matrix4f dest) {
        float sx = (float) width / tileWidth;
        float sy = (float) height / tileHeight;
        float cx = (2f * x0 + tileWidth) / width - 1f;
        float cy = (2f * y0 + tileHeight) / height - 1f;
        Matrix4f crop = new Matrix4f().translation(-sx * cx, -sy * cy, 0).scale(sx, sy, 1);
        return crop.mul(projection, dest);
    }
}
