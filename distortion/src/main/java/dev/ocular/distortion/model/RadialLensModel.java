package dev.ocular.distortion.model;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.PanelVisibility;
import java.util.Optional;
import java.util.OptionalDouble;
import org.joml.Vector2d;

/**
 * A lens that is radially symmetric about a (per-channel) centre: see {@link RadialChannel} for the mapping. The
 * inverse reduces to one dimension, g(r) = |render − offset| in normalised units, solved by {@link RadialInverse}; the
 * fold check scans g' from the centre out to the farthest visible pixel.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class RadialLensModel implements LensModel {
    private final String modelName;
    private final RadialChannel[] channels;
    private final RadialInverse[] inverses;
    private final double r2Cutoff;

    /**
     * @param modelName model family written in profiles
     * @param red red channel
     * @param green green channel
     * @param blue blue channel
     * @param r2Cutoff the model is undefined where r² (normalised) exceeds this in any channel; +∞ for none
     * @param eyeWidthPx eye viewport width, bounds how far the inverse searches
     * @param eyeHeightPx eye viewport height
     */
    public RadialLensModel(String modelName, RadialChannel red, RadialChannel green, RadialChannel blue,
                           double r2Cutoff, int eyeWidthPx, int eyeHeightPx) {
        if (!(r2Cutoff > 0.0)) {
            throw new IllegalArgumentException("r² cutoff must be positive, got " + r2Cutoff);
        }
        this.modelName = modelName;
        this.channels = new RadialChannel[] {red, green, blue};
        this.r2Cutoff = r2Cutoff;
        this.inverses = new RadialInverse[3];
        for (int c = 0; c < 3; c++) {
            inverses[c] = new RadialInverse(channels[c].radial(), searchLimit(channels[c], eyeWidthPx, eyeHeightPx));
        }
    }

    // Twice the distance to the farthest viewport corner, in normalised units: generous room for points just outside.
    private static double searchLimit(RadialChannel ch, int width, int height) {
        double dx = Math.max(Math.abs(ch.centerX()), Math.abs(width - ch.centerX())) / ch.unitX();
        double dy = Math.max(Math.abs(ch.centerY()), Math.abs(height - ch.centerY())) / ch.unitY();
        return 2.0 * Vector2d.length(dx, dy);
    }

    @Override
    public String modelName() {
        return modelName;
    }

    /** The parameters of one channel. */
    public RadialChannel channel(Channel channel) {
        return channels[channel.ordinal()];
    }

    /** The largest normalised r² at which the model is defined, in every channel; +∞ for no limit. */
    public double r2Cutoff() {
        return r2Cutoff;
    }

    @Override
    public RadialLensModel scaledPanel(double scaleX, double scaleY, int eyeWidthPx, int eyeHeightPx) {
        RadialChannel[] scaled = new RadialChannel[3];
        for (int c = 0; c < 3; c++) {
            RadialChannel ch = channels[c];
            // Centre and pixels-per-unit scale with the panel, so q, and everything after it, is unchanged.
            scaled[c] = new RadialChannel(ch.centerX() * scaleX, ch.centerY() * scaleY, ch.unitX() * scaleX,
                    ch.unitY() * scaleY, ch.radial(), ch.outScaleX(), ch.outScaleY(), ch.offsetX(), ch.offsetY());
        }
        return new RadialLensModel(modelName, scaled[0], scaled[1], scaled[2], r2Cutoff, eyeWidthPx, eyeHeightPx);
    }

    @Override
    public Vector2d panelToRender(Channel channel, double panelX, double panelY, Vector2d dest) {
        RadialChannel ch = channels[channel.ordinal()];
        double qx = (panelX - ch.centerX()) / ch.unitX();
        double qy = (ch.centerY() - panelY) / ch.unitY();
        double r = Vector2d.length(qx, qy);
        double gain = r > 0.0 ? ch.radial().value(r) / r : ch.radial().derivative(0.0);
        return dest.set(ch.offsetX() + qx * gain * ch.outScaleX(), ch.offsetY() + qy * gain * ch.outScaleY());
    }

    @Override
    public boolean renderToPanel(Channel channel, double renderX, double renderY, Vector2d dest) {
        RadialChannel ch = channels[channel.ordinal()];
        double ux = (renderX - ch.offsetX()) / ch.outScaleX();
        double uy = (renderY - ch.offsetY()) / ch.outScaleY();
        double s = Vector2d.length(ux, uy);
        double[] r = new double[1];
        if (!inverses[channel.ordinal()].solve(s, r).solved()) {
            dest.set(Double.NaN, Double.NaN);
            return false;
        }
        double ratio = s > 0.0 ? r[0] / s : 0.0;
        dest.set(ch.centerX() + ux * ratio * ch.unitX(), ch.centerY() - uy * ratio * ch.unitY());
        return true;
    }

    @Override
    public boolean inDomain(double panelX, double panelY) {
        if (Double.isInfinite(r2Cutoff)) {
            return true;
        }
        for (RadialChannel ch : channels) {
            double qx = (panelX - ch.centerX()) / ch.unitX();
            double qy = (ch.centerY() - panelY) / ch.unitY();
            if (qx * qx + qy * qy > r2Cutoff) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Vector2d lensCenter(Channel channel, Vector2d dest) {
        RadialChannel ch = channels[channel.ordinal()];
        return dest.set(ch.centerX(), ch.centerY());
    }

    @Override
    public Optional<FoldOver> findFold(Channel channel, PanelVisibility visible) {
        RadialChannel ch = channels[channel.ordinal()];
        double rMax = 0.0;
        double farX = ch.centerX();
        double farY = ch.centerY();
        for (int y = 0; y < visible.height(); y++) {
            for (int x = 0; x < visible.width(); x++) {
                if (visible.isVisible(x, y)) {
                    double qx = (x + 0.5 - ch.centerX()) / ch.unitX();
                    double qy = (ch.centerY() - y - 0.5) / ch.unitY();
                    double r = Vector2d.length(qx, qy);
                    if (r > rMax) {
                        rMax = r;
                        farX = x + 0.5;
                        farY = y + 0.5;
                    }
                }
            }
        }
        if (rMax == 0.0) {
            return Optional.empty();
        }
        // One scan step per tenth of a pixel along x, at least SCAN_STEPS.
        int steps = (int) Math.max(RadialInverse.SCAN_STEPS, Math.min(1 << 22, 10.0 * rMax * ch.unitX()));
        OptionalDouble fold = RadialInverse.firstFold(ch.radial(), rMax, steps);
        if (fold.isEmpty()) {
            return Optional.empty();
        }
        double r = fold.getAsDouble();
        double t = r / rMax;
        return Optional.of(new FoldOver(channel, r * ch.unitX(), r,
                ch.centerX() + t * (farX - ch.centerX()), ch.centerY() + t * (farY - ch.centerY())));
    }
}
