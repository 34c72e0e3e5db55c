package dev.ocular.distortion.model;

import dev.ocular.distortion.Channel;
import java.util.Locale;

/**
 * Where a lens mapping stops being one to one inside the visible area.
 *
 * @param channel the channel that folds
 * @param radiusPx distance from the channel's lens centre in panel pixels (along x for anisotropic models)
 * @param normalizedRadius the same radius in the model's own units, NaN for models without one
 * @param panelX panel x of a folding position (eye-local pixels)
 * @param panelY panel y of a folding position
 */
public record FoldOver(Channel channel, double radiusPx, double normalizedRadius, double panelX, double panelY) {

    /** One-line description naming the radius, for error messages. */
    public String describe() {
        String normalized = Double.isNaN(normalizedRadius)
                ? ""
                : String.format(Locale.ROOT, " (normalised r = %.6f)", normalizedRadius);
        return String.format(Locale.ROOT,
                "fold-over in the %s channel: the mapping is not monotonic in r at r = %.3f px from the lens centre%s,"
                        + " near panel (%.1f, %.1f), inside the visible area",
                channel.jsonName(), radiusPx, normalized, panelX, panelY);
    }
}
