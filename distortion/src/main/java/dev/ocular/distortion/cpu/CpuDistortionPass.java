package dev.ocular.distortion.cpu;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.mesh.DistortionMesh;
import java.util.Map;
import org.joml.Vector2d;

/**
 * CPU reference of the distortion pass: composes the side-by-side panel image from the two eye images, sampling red,
 * green and blue at each channel's own texture coordinate. The GPU pass must reproduce it.
 *
 * <p>For each panel pixel (x, y) of an eye, with eye-local centre p = (x + 0.5, y + 0.5):
 * <ul>
 *   <li>not visible ({@link PanelVisibility}) → opaque black (0, 0, 0, 1);</li>
 *   <li>visible → (R, G, B, 1) where R is the red channel of the eye image sampled at red's texture coordinate, G the
 *       green channel at green's, B the blue channel at blue's; sampling as {@link RgbaImage#sample}.</li>
 * </ul>
 * The texture coordinates come from the lens model at p ({@link #perPixel}) or from the eye's mesh interpolated at p
 * ({@link #viaMesh}). Input images may have any size; texture coordinates cover the eye's field of view.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class CpuDistortionPass {
    private final LensProfile profile;

    public CpuDistortionPass(LensProfile profile) {
        this.profile = profile;
    }

    /** Evaluates the lens model at every panel pixel. */
    public RgbaImage perPixel(RgbaImage leftEye, RgbaImage rightEye) {
        RgbaImage panel = new RgbaImage(profile.panelWidthPx(), profile.panelHeightPx());
        for (Eye eye : Eye.values()) {
            EyeProfile ep = profile.eye(eye);
            Vector2d render = new Vector2d();
            compose(panel, eye, image(eye, leftEye, rightEye), (channel, px, py, uv) -> {
                ep.model().panelToRender(channel, px, py, render);
                uv.set(ep.fov().toU(render.x), ep.fov().toV(render.y));
            });
        }
        return panel;
    }

    /** Interpolates each eye's mesh at every panel pixel. */
    public RgbaImage viaMesh(Map<Eye, DistortionMesh> meshes, MeshInterpolation interpolation, RgbaImage leftEye,
                             RgbaImage rightEye) {
        RgbaImage panel = new RgbaImage(profile.panelWidthPx(), profile.panelHeightPx());
        for (Eye eye : Eye.values()) {
            DistortionMesh mesh = meshes.get(eye);
            if (mesh == null || mesh.eye() != eye) {
                throw new IllegalArgumentException("no mesh for the " + eye.jsonName() + " eye");
            }
            compose(panel, eye, image(eye, leftEye, rightEye), (channel, px, py, uv) -> {
                if (interpolation == MeshInterpolation.BILINEAR) {
                    mesh.interpolate(channel, px, py, uv);
                } else {
                    mesh.interpolateTriangles(channel, px, py, uv);
                }
            });
        }
        return panel;
    }

    private static RgbaImage image(Eye eye, RgbaImage left, RgbaImage right) {
        return eye == Eye.LEFT ? left : right;
    }

    /** Texture coordinate of a channel at an eye-local panel position. */
    @FunctionalInterface
    private interface UvSource {
        void uv(Channel channel, double panelX, double panelY, Vector2d dest);
    }

    private void compose(RgbaImage panel, Eye eye, RgbaImage source, UvSource uvSource) {
        EyeProfile ep = profile.eye(eye);
        PanelVisibility visible = profile.visibility(eye);
        Vector2d uv = new Vector2d();
        float[] rgb = new float[3];
        for (int y = 0; y < ep.heightPx(); y++) {
            for (int x = 0; x < ep.widthPx(); x++) {
                int panelX = ep.viewportX() + x;
                if (!visible.isVisible(x, y)) {
                    panel.set(panelX, y, 0f, 0f, 0f, 1f);
                    continue;
                }
                for (Channel channel : Channel.values()) {
                    uvSource.uv(channel, x + 0.5, y + 0.5, uv);
                    rgb[channel.ordinal()] = (float) source.sample(uv.x, uv.y, channel.rgbaIndex());
                }
                panel.set(panelX, y, rgb[0], rgb[1], rgb[2], 1f);
            }
        }
    }
}
