package dev.ocular.scenes.scene;

import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPose;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/** Collects meshes, textures and objects for a {@link Scene}; indices are handed out in insertion order. */
public final class SceneBuilder {
    private final String name;
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Texture> textures = new ArrayList<>();
    private final List<SceneObject> objects = new ArrayList<>();
    private Environment environment = Environment.daylight();
    private ParticleSystem particles = ParticleSystem.NONE;
    private HeadPose viewpoint = HeadPose.at(0, 1.6f, 0);
    private HeadMotion motion = HeadMotion.SLOW_PAN;

    public SceneBuilder(String name) {
        this.name = name;
    }

    public int mesh(Mesh mesh) {
        meshes.add(mesh);
        return meshes.size() - 1;
    }

    public int texture(Texture texture) {
        textures.add(texture);
        return textures.size() - 1;
    }

    public SceneBuilder add(String objectName, int mesh, Material material, Animation animation) {
        objects.add(new SceneObject(objectName, mesh, material, animation));
        return this;
    }

    /** Adds a mesh and one static object drawing it at {@code model}. */
    public SceneBuilder addStatic(Mesh mesh, Material material, Matrix4fc model) {
        return add(mesh.name(), mesh(mesh), material, Animation.fixed(model));
    }

    public SceneBuilder addStatic(Mesh mesh, Material material) {
        return addStatic(mesh, material, new Matrix4f());
    }

    public SceneBuilder environment(Environment value) {
        this.environment = value;
        return this;
    }

    public SceneBuilder particles(ParticleSystem value) {
        this.particles = value;
        return this;
    }

    public SceneBuilder viewpoint(HeadPose value) {
        this.viewpoint = value;
        return this;
    }

    public SceneBuilder defaultMotion(HeadMotion value) {
        this.motion = value;
        return this;
    }

    public Scene build() {
        return new Scene(name, meshes, textures, objects, environment, particles, viewpoint, motion);
    }
}
