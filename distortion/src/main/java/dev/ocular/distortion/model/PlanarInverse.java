package dev.ocular.distortion.model;

import org.joml.Vector2d;

/**
 * Inverts a {@link PlanarMap} at one target: damped Newton from a guess, then, when Newton stalls or diverges, a
 * two-dimensional bracketing bisection. The bracket is a cell whose boundary image winds around the target (a nonzero
 * winding number guarantees a preimage inside for a continuous map); the cell is split in four and a child that still
 * winds around the target is kept, halving the bracket each step as bisection does in one dimension.
 *
 * <p>Stateless apart from its settings; safe to share between threads.
 */
public final class PlanarInverse {
    private static final int NEWTON_ITERATIONS = 60;
    private static final int BACKTRACK_STEPS = 40;
    private static final int GRID_CELLS = 24;
    private static final int EDGE_SAMPLES = 8;
    private static final int MAX_DEPTH = 64;

    private final double stepTolerance;

    /** @param stepTolerance Newton stops when a step is shorter than this (panel pixels) */
    public PlanarInverse(double stepTolerance) {
        this.stepTolerance = stepTolerance;
    }

    /**
     * Solves map(x, y) = (tx, ty).
     *
     * @param box search bracket {minX, minY, maxX, maxY} used by the fallback; preimages outside are not found
     * @param out receives x, y (NaN when not solved)
     */
    public SolveOutcome solve(PlanarMap map, double tx, double ty, double guessX, double guessY, double[] box,
                              double[] out) {
        double[] eval = new double[6];
        if (newton(map, tx, ty, guessX, guessY, eval, out) && inside(box, out[0], out[1])) {
            return SolveOutcome.NEWTON;
        }
        if (bracket(map, tx, ty, box, eval, out)) {
            return SolveOutcome.BRACKETED;
        }
        out[0] = Double.NaN;
        out[1] = Double.NaN;
        return SolveOutcome.OUTSIDE;
    }

    private static boolean inside(double[] box, double x, double y) {
        return x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3];
    }

    /** Damped Newton: halves a step until the residual shrinks. Returns true on convergence. */
    boolean newton(PlanarMap map, double tx, double ty, double x, double y, double[] eval, double[] out) {
        map.evaluate(x, y, eval);
        double rx = eval[0] - tx;
        double ry = eval[1] - ty;
        double norm = Vector2d.length(rx, ry);
        for (int i = 0; i < NEWTON_ITERATIONS && Double.isFinite(norm); i++) {
            double det = eval[2] * eval[5] - eval[3] * eval[4];
            if (!(Math.abs(det) > 0.0) || !Double.isFinite(det)) {
                return false;
            }
            double dx = (eval[5] * rx - eval[3] * ry) / det;
            double dy = (eval[2] * ry - eval[4] * rx) / det;
            double lambda = 1.0;
            boolean accepted = false;
            for (int k = 0; k < BACKTRACK_STEPS; k++, lambda *= 0.5) {
                double nx = x - lambda * dx;
                double ny = y - lambda * dy;
                map.evaluate(nx, ny, eval);
                double nrx = eval[0] - tx;
                double nry = eval[1] - ty;
                double nNorm = Vector2d.length(nrx, nry);
                if (nNorm < norm || nNorm == 0.0) {
                    x = nx;
                    y = ny;
                    rx = nrx;
                    ry = nry;
                    norm = nNorm;
                    accepted = true;
                    break;
                }
            }
            double step = lambda * Vector2d.length(dx, dy);
            if (norm == 0.0 || (accepted && step <= stepTolerance)) {
                out[0] = x;
                out[1] = y;
                return true;
            }
            if (!accepted) {
                // No descent along the Newton direction: either converged to rounding or stuck at a bad point.
                boolean converged = Vector2d.length(dx, dy) <= stepTolerance;
                map.evaluate(x, y, eval);
                out[0] = x;
                out[1] = y;
                return converged;
            }
        }
        return false;
    }

    private boolean bracket(PlanarMap map, double tx, double ty, double[] box, double[] eval, double[] out) {
        double cw = (box[2] - box[0]) / GRID_CELLS;
        double ch = (box[3] - box[1]) / GRID_CELLS;
        for (int j = 0; j < GRID_CELLS; j++) {
            for (int i = 0; i < GRID_CELLS; i++) {
                double x0 = box[0] + i * cw;
                double y0 = box[1] + j * ch;
                if (winding(map, tx, ty, x0, y0, cw, ch, eval) != 0
                        && refine(map, tx, ty, x0, y0, cw, ch, eval, out)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean refine(PlanarMap map, double tx, double ty, double x0, double y0, double w, double h,
                           double[] eval, double[] out) {
        for (int depth = 0; depth < MAX_DEPTH && Math.max(w, h) > stepTolerance; depth++) {
            double hw = 0.5 * w;
            double hh = 0.5 * h;
            boolean found = false;
            for (int child = 0; child < 4 && !found; child++) {
                double cx = x0 + (child & 1) * hw;
                double cy = y0 + (child >> 1) * hh;
                if (winding(map, tx, ty, cx, cy, hw, hh, eval) != 0) {
                    x0 = cx;
                    y0 = cy;
                    found = true;
                }
            }
            if (!found) {
                // The root sits on a child boundary where sampled winding numbers are unreliable: polish from here.
                break;
            }
            w = hw;
            h = hh;
        }
        double[] polished = new double[2];
        double cx = x0 + 0.5 * w;
        double cy = y0 + 0.5 * h;
        if (newton(map, tx, ty, cx, cy, eval, polished)
                && Math.abs(polished[0] - cx) <= 2.0 * w + stepTolerance
                && Math.abs(polished[1] - cy) <= 2.0 * h + stepTolerance) {
            out[0] = polished[0];
            out[1] = polished[1];
            return true;
        }
        return false;
    }

    /** Winding number of the image of the cell boundary around the target, from sampled boundary points. */
    static int winding(PlanarMap map, double tx, double ty, double x0, double y0, double w, double h,
                       double[] eval) {
        double total = 0.0;
        double prevAngle = Double.NaN;
        double firstAngle = Double.NaN;
        int samples = 4 * EDGE_SAMPLES;
        for (int s = 0; s < samples; s++) {
            int edge = s / EDGE_SAMPLES;
            double t = (double) (s % EDGE_SAMPLES) / EDGE_SAMPLES;
            double x;
            double y;
            switch (edge) {
                case 0 -> { x = x0 + t * w; y = y0; }
                case 1 -> { x = x0 + w; y = y0 + t * h; }
                case 2 -> { x = x0 + w - t * w; y = y0 + h; }
                default -> { x = x0; y = y0 + h - t * h; }
            }
            map.evaluate(x, y, eval);
            double angle = Math.atan2(eval[1] - ty, eval[0] - tx);
            if (!Double.isFinite(angle) || !Double.isFinite(eval[0]) || !Double.isFinite(eval[1])) {
                return 0;
            }
            if (Double.isNaN(prevAngle)) {
                firstAngle = angle;
            } else {
                total += wrap(angle - prevAngle);
            }
            prevAngle = angle;
        }
        total += wrap(firstAngle - prevAngle);
        return (int) Math.round(total / (2.0 * Math.PI));
    }

    private static double wrap(double delta) {
        while (delta > Math.PI) {
            delta -= 2.0 * Math.PI;
        }
        while (delta < -Math.PI) {
            delta += 2.0 * Math.PI;
        }
        return delta;
    }
}
