package dev.ocular.distortion.mesh;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.PanelVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a mesh density for one eye: increases the number of cells until the mesh meets the budget against per-pixel
 * evaluation, then keeps that mesh. Cells are kept close to square: the count along the longer viewport side is the
 * search variable, the other side scales with the aspect ratio.
 *
 * <p>Interpolation error of a smooth mapping falls with the square of the cell size, so after each failed density the
 * next one is predicted from the measured error (with a margin) instead of creeping up one step at a time; a cheap
 * estimate on every {@link #SCREEN_STRIDE}-th pixel each way screens out densities that are clearly too coarse, and
 * only a density that passes it is measured over every visible pixel. The accepted mesh is always measured in full.
 */
public final class MeshBuilder {
    /** Cells along the longer side of the first density tried. */
    static final int FIRST_CELLS = 8;
    /** Densest grid tried, cells along the longer side. */
    static final int MAX_CELLS = 512;
    static final int SCREEN_STRIDE = 3;
    private static final double PREDICTION_MARGIN = 1.08;

    private final MeshBudget budget;

    public MeshBuilder(MeshBudget budget) {
        this.budget = budget;
    }

    /** A mesh that meets the budget, with its measured error and the densities rejected before it. */
    public record Result(DistortionMesh mesh, MeshError error, List<String> attempts) {
    }

    /**
     * @throws MeshBudgetException when even the densest grid misses the budget
     */
    public Result build(EyeProfile eye, PanelVisibility visible) {
        return build(new MeshErrorEvaluator(eye, visible));
    }

    /** As {@link #build(EyeProfile, PanelVisibility)} with an evaluator the caller keeps for further measurements. */
    public Result build(MeshErrorEvaluator evaluator) {
        EyeProfile eye = evaluator.eye();
        List<String> attempts = new ArrayList<>();
        int cells = FIRST_CELLS;
        while (true) {
            DistortionMesh mesh = mesh(eye, cells);
            MeshError estimate = evaluator.evaluate(mesh, SCREEN_STRIDE);
            double ratio = worstRatio(estimate);
            if (ratio < 1.0) {
                MeshError full = evaluator.evaluate(mesh);
                ratio = worstRatio(full);
                if (full.within(budget)) {
                    return new Result(mesh, full, List.copyOf(attempts));
                }
            }
            attempts.add(String.format(Locale.ROOT, "%dx%d", mesh.cellsX(), mesh.cellsY()));
            if (cells >= MAX_CELLS) {
                throw new MeshBudgetException(eye.eye().jsonName() + " eye: no mesh up to " + attempts.getLast()
                        + " cells meets max < " + budget.maxPx() + " px and mean < " + budget.meanPx() + " px");
            }
            cells = Math.min(MAX_CELLS, nextCells(cells, ratio));
        }
    }

    /** Error ∝ 1/cells², so cells·√ratio would just meet the budget; add a margin and always grow. */
    static int nextCells(int cells, double ratio) {
        if (!Double.isFinite(ratio)) {
            return 2 * cells;
        }
        int predicted = (int) Math.ceil(cells * Math.sqrt(ratio) * PREDICTION_MARGIN);
        return Math.max(cells + 1, Math.min(4 * cells, predicted));
    }

    /** The largest error over budget ratio, over channels, interpolations and both limits (≥ 1 means failing). */
    private double worstRatio(MeshError error) {
        double worst = 0.0;
        for (Channel channel : Channel.values()) {
            for (ChannelError e : new ChannelError[] {error.bilinear(channel), error.triangles(channel)}) {
                worst = Math.max(worst, Math.max(e.maxPx() / budget.maxPx(), e.meanPx() / budget.meanPx()));
            }
        }
        return worst;
    }

    private static DistortionMesh mesh(EyeProfile eye, int cells) {
        boolean wide = eye.widthPx() >= eye.heightPx();
        double aspect = wide ? (double) eye.heightPx() / eye.widthPx() : (double) eye.widthPx() / eye.heightPx();
        int other = Math.max(1, (int) Math.round(cells * aspect));
        return wide ? DistortionMesh.build(eye, cells, other) : DistortionMesh.build(eye, other, cells);
    }
}
