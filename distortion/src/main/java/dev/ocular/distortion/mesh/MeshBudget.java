package dev.ocular.distortion.mesh;

/**
 * How far a mesh may stray from per-pixel evaluation of the lens model, in panel pixels, per channel, over the visible
 * area: the largest error must stay below {@code maxPx} and the mean below {@code meanPx}.
 */
public record MeshBudget(double maxPx, double meanPx) {
    /** ocular's target: max < 0.25 px and mean < 0.05 px. */
    public static final MeshBudget DEFAULT = new MeshBudget(0.25, 0.05);

    public MeshBudget {
        if (!(maxPx > 0.0) || !(meanPx > 0.0)) {
            throw new IllegalArgumentException("budget limits must be positive");
        }
    }

    public boolean accepts(ChannelError error) {
        return error.maxPx() < maxPx && error.meanPx() < meanPx;
    }
}
