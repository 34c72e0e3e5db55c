package dev.ocular.distortion.mesh;

/** No mesh density within ocular's limits meets the error budget for a lens (a lens too wild for a mesh). */
public final class MeshBudgetException extends RuntimeException {
    public MeshBudgetException(String message) {
        super(message);
    }
}
