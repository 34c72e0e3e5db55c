package dev.ocular.scenes.render;

import dev.ocular.scenes.rig.EyePose;
import dev.ocular.scenes.rig.Projection;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;

/**
 * One view as the shaders see it (frame.glsl {@code View}): jittered and unjittered view-projections of this frame,
 * the unjittered one of the previous frame, and the camera axes. Built on the host per pass.
 */
record ViewData(Matrix4fc viewProj, Matrix4fc viewProjCurrent, Matrix4fc viewProjPrevious, Vector3f position,
        Vector3f right, Vector3f up, int width, int height) {

    /**
     * @param crop maps the full eye projection to the rendered region (identity for whole-eye renders, a tile
     *             crop for tiled references); applied to current and previous alike
     */
    static ViewData of(EyePose current, EyePose previous, Matrix4fc crop, float jitterX, float jitterY, int width,
            int height) {
        Matrix4f projection = new Matrix4f(crop).mul(
                Projection.reverseZInfinite(current.fov(), Projection.DEFAULT_NEAR, new Matrix4f()));
        Matrix4f previousProjection = new Matrix4f(crop).mul(
                Projection.reverseZInfinite(previous.fov(), Projection.DEFAULT_NEAR, new Matrix4f()));
        Matrix4f unjittered = new Matrix4f(projection).mul(current.view(new Matrix4f()));
        Matrix4f jittered = Projection.jittered(projection, jitterX, jitterY, width, height, new Matrix4f())
                .mul(current.view(new Matrix4f()));
        Matrix4f before = previousProjection.mul(previous.view(new Matrix4f()));
        Vector3f right = current.orientation().transform(new Vector3f(1, 0, 0));
        Vector3f up = current.orientation().transform(new Vector3f(0, 1, 0));
        return new ViewData(jittered, unjittered, before, new Vector3f(current.position()), right, up, width, height);
    }
}
