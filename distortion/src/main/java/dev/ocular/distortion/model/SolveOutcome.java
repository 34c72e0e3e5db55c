package dev.ocular.distortion.model;

/** How an inverse solve ended. */
public enum SolveOutcome {
    /** Newton's method converged from the initial guess. */
    NEWTON,
    /** Newton failed; the bracketing (bisection) fallback found the root. */
    BRACKETED,
    /** No preimage inside the one-to-one part of the model. */
    OUTSIDE;

    public boolean solved() {
        return this != OUTSIDE;
    }
}
