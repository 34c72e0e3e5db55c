package dev.ocular.scenes.scene;

/** A mesh drawn with a material, placed by an animation. {@code mesh} indexes the scene's meshes. */
public record SceneObject(String name, int mesh, Material material, Animation animation) {
}
