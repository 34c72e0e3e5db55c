package dev.ocular.distortion;

import java.util.Optional;
import org.joml.Vector2d;

/**
 * One eye of a profile: where its viewport sits on the panel, the field of view its render image covers, an optional
 * aperture mask and its lens.
 *
 * <p>A panel position p of this eye is <em>visible</em> when it lies inside the viewport, inside the lens model's own
 * domain, and for every channel c the render direction {@code model.panelToRender(c, p)} lies inside the field of view
 * and inside the mask. Everything else on the panel is black.
 *
 * @param eye which eye
 * @param viewportX x of the viewport's left edge on the side-by-side panel, in pixels
 * @param widthPx viewport width
 * @param heightPx viewport height
 * @param fov field of view of the render image
 * @param mask optional aperture in render space
 * @param model the lens
 */
public record EyeProfile(Eye eye, int viewportX, int widthPx, int heightPx, Fov fov, Optional<EllipseMask> mask,
                         LensModel model) {

    /** Whether the continuous panel position (eye-local pixels) is visible; {@code scratch} is overwritten. */
    public boolean visibleAt(double panelX, double panelY, Vector2d scratch) {
        if (!(panelX >= 0.0 && panelY >= 0.0 && panelX <= widthPx && panelY <= heightPx)) {
            return false;
        }
        if (!model.inDomain(panelX, panelY)) {
            return false;
        }
        for (Channel channel : Channel.values()) {
            model.panelToRender(channel, panelX, panelY, scratch);
            if (!fov.contains(scratch.x, scratch.y)) {
                return false;
            }
            if (mask.isPresent() && !mask.get().contains(scratch.x, scratch.y)) {
                return false;
            }
        }
        return true;
    }
}
