package dev.ocular.scenes.builtin;

import dev.ocular.scenes.scene.Mesh;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.Noise;
import org.joml.Vector3f;

/** Geometry and parameters the built-in scenes share: ground planes, seeded phases. */
final class Props {
    private Props() {
    }

    /** A square ground plane of side {@code size} metres centred under the viewer, texture repeated {@code repeats}×. */
    static Mesh ground(float size, float repeats) {
        return new MeshBuilder("ground").quad(new Vector3f(-size / 2, 0, size / 2), new Vector3f(size, 0, 0),
                new Vector3f(0, 0, -size), repeats, repeats).build();
    }

    /** A deterministic animation phase in [0, 2π) for (seed, slot); seed 0 gives phase 0 for every slot. */
    static double phase(long seed, int slot) {
        return seed == 0 ? 0 : 2 * Math.PI * Noise.hash(seed, slot, 0x5EED);
    }
}
