package dev.ocular.scenes.scene;

import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPose;
import java.util.List;

/**
 * A renderable scene: geometry, textures, objects with deterministic animation, lighting, optional particles, and
 * where the viewer's head starts. Immutable once built.
 */
public record Scene(String name, List<Mesh> meshes, List<Texture> textures, List<SceneObject> objects,
        Environment environment, ParticleSystem particles, HeadPose viewpoint, HeadMotion defaultMotion) {
    public Scene {
        meshes = List.copyOf(meshes);
        textures = List.copyOf(textures);
        objects = List.copyOf(objects);
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("scene " + name + " has no objects");
        }
        for (SceneObject o : objects) {
            if (o.mesh() < 0 || o.mesh() >= meshes.size()) {
                throw new IllegalArgumentException("scene " + name + ": object " + o.name() + " uses mesh " + o.mesh()
                        + " of " + meshes.size());
            }
            int t = o.material().texture();
            if (t < -1 || t >= textures.size()) {
                throw new IllegalArgumentException("scene " + name + ": object " + o.name() + " uses texture " + t
                        + " of " + textures.size());
            }
        }
    }
}
