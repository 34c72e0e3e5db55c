package dev.ocular.distortion;

import dev.ocular.distortion.model.FoldOver;
import java.util.Optional;
import org.joml.Vector2d;

/**
 * One eye's lens: maps panel positions to render (tangent-space) directions per colour channel, and back.
 *
 * <p>Panel coordinates are continuous pixels of the eye's own viewport: origin at the top-left corner, x right, y down,
 * pixel (i, j) covering [i, i+1) × [j, j+1) with its centre at (i + 0.5, j + 0.5). Render coordinates are tangents of
 * the view angle relative to the eye's forward axis: x right, y up, so a direction (x, y, -1) in view space has render
 * coordinates (x, y). The distortion pass evaluates {@link #panelToRender} for each panel pixel to find where to sample
 * the eye image; {@link #renderToPanel} is its exact inverse.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface LensModel {

    /** The model family as written in profile files, e.g. {@code panotools}. */
    String modelName();

    /** Maps a panel position of {@code channel} to its render direction; writes {@code dest} and returns it. */
    Vector2d panelToRender(Channel channel, double panelX, double panelY, Vector2d dest);

    /**
     * Exact inverse of {@link #panelToRender}: the panel position whose {@code channel} light leaves in direction
     * (renderX, renderY). Solved to far below a thousandth of a pixel.
     *
     * @return false, with {@code dest} set to NaN, when the direction lies outside the part of the model that is one to
     *     one (beyond a fold, beyond a measured grid, past a cutoff); true otherwise
     */
    boolean renderToPanel(Channel channel, double renderX, double renderY, Vector2d dest);

    /**
     * Whether the model itself is defined at this panel position for every channel (inside a measured grid, inside a
     * calibration cutoff radius). Positions outside are never visible.
     */
    boolean inDomain(double panelX, double panelY);

    /** Panel position of the lens centre of {@code channel}: the point radii are measured from. */
    Vector2d lensCenter(Channel channel, Vector2d dest);

    /**
     * The same lens on a panel of another pixel count: the same optics sampled {@code scaleX} times as finely across
     * and {@code scaleY} times as finely down, so the new model maps (scaleX·x, scaleY·y) where this one maps (x, y),
     * for every channel. Lets a profile be previewed or tested at a small size without changing what it shows.
     *
     * @param eyeWidthPx the new eye viewport width (bounds the inverse's search)
     * @param eyeHeightPx the new eye viewport height
     */
    LensModel scaledPanel(double scaleX, double scaleY, int eyeWidthPx, int eyeHeightPx);

    /**
     * Looks for a fold-over of {@code channel}: a place inside the visible area where the mapping stops being one to
     * one (not monotonic in r for radial models, a non-positive Jacobian for two-dimensional ones).
     *
     * @param visible the visible panel pixels of this eye
     * @return the fold nearest the lens centre, or empty when the mapping is one to one over the visible area
     */
    Optional<FoldOver> findFold(Channel channel, PanelVisibility visible);
}
