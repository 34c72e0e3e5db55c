package dev.ocular.scenes.scene;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * An object's model matrix as a pure function of time in seconds, so any frame (and its predecessor, for motion
 * vectors) can be evaluated independently and deterministically.
 */
@FunctionalInterface
public interface Animation {
    /** Writes the model matrix at {@code time} into {@code dest} and returns it. */
    Matrix4f model(double time, Matrix4f dest);

    static Animation fixed(Matrix4fc model) {
        Matrix4f copy = new Matrix4f(model);
        return (time, dest) -> dest.set(copy);
    }

    static Animation identity() {
        return (time, dest) -> dest.identity();
    }
}
