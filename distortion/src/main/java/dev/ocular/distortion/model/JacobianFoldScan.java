package dev.ocular.distortion.model;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import org.joml.Vector2d;

/**
 * Fold check for lenses without radial symmetry: the Jacobian determinant of panel → render must stay positive at every
 * visible pixel centre (positive because both spaces are oriented the same way once the panel's y-down is flipped, see
 * {@link #orientation}). The fold reported is the failing pixel nearest the lens centre, so its radius is the radius at
 * which the mapping first stops being one to one.
 */
final class JacobianFoldScan {
    private JacobianFoldScan() {
    }

    /**
     * Panel y grows downwards and render y upwards, so an orientation-preserving lens has a negative determinant in the
     * raw coordinates; multiplying by this sign makes "healthy" positive.
     */
    static double orientation() {
        return -1.0;
    }

    static Optional<FoldOver> scan(Channel channel, PlanarMap map, double centerX, double centerY,
                                   PanelVisibility visible) {
        double[] eval = new double[6];
        double bestR = Double.POSITIVE_INFINITY;
        double bestX = Double.NaN;
        double bestY = Double.NaN;
        for (int y = 0; y < visible.height(); y++) {
            for (int x = 0; x < visible.width(); x++) {
                if (!visible.isVisible(x, y)) {
                    continue;
                }
                double px = x + 0.5;
                double py = y + 0.5;
                map.evaluate(px, py, eval);
                double det = orientation() * (eval[2] * eval[5] - eval[3] * eval[4]);
                if (!(det > 0.0)) {
                    double r = Vector2d.length(px - centerX, py - centerY);
                    if (r < bestR) {
                        bestR = r;
                        bestX = px;
                        bestY = py;
                    }
                }
            }
        }
        if (Double.isInfinite(bestR)) {
            return Optional.empty();
        }
        return Optional.of(new FoldOver(channel, bestR, Double.NaN, bestX, bestY));
    }
}
