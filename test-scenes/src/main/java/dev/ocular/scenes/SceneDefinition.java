package dev.ocular.scenes;

import dev.ocular.scenes.scene.Scene;

/**
 * A scene the catalog can build: its stable name, the upscaler failure it is designed to provoke, a description, and
 * a deterministic builder. {@code seed} varies animation phases (and anything else random) without changing what the
 * scene tests; seed 0 is the canonical version.
 */
public interface SceneDefinition {
    String name();

    /** The upscaler failure mode this scene targets, e.g. "aliasing of sub-pixel geometry". */
    String failureMode();

    String description();

    Scene build(long seed);
}
