package dev.ocular.scenes.render;

import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.HeadPose;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.Noise;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/**
 * A scene made for motion-vector checks: low-frequency textures (so bilinear resampling is nearly exact), purely
 * diffuse materials (so shading does not change with the view) and one sphere that only translates.
 */
final class SmoothScene {
    private SmoothScene() {
    }

    /** @param sphereSpeed metres per second of the sphere along x (0: everything static) */
    static Scene build(float sphereSpeed) {
        Canvas c = new Canvas(128, 128);
        c.paint((x, y, out) -> {
            double n = Noise.value(3, x / 32, y / 32, 4);
            out[0] = (float) (0.2 + 0.6 * n);
            out[1] = (float) (0.3 + 0.4 * Noise.value(4, x / 32, y / 32, 4));
            out[2] = (float) (0.6 - 0.4 * n);
            out[3] = 1;
        }, 1);
        SceneBuilder b = new SceneBuilder("smooth").viewpoint(HeadPose.at(0, 1.6f, 0));
        int texture = b.texture(c.toTexture("smooth", true));
        Material diffuse = Material.textured(texture).withSpecular(0, 1);
        b.addStatic(new MeshBuilder("ground").quad(new Vector3f(-20, 0, 20), new Vector3f(40, 0, 0),
                new Vector3f(0, 0, -40), 8, 8).build(), diffuse);
        b.addStatic(new MeshBuilder("wall").quad(new Vector3f(-10, 6, -6), new Vector3f(20, 0, 0),
                new Vector3f(0, -6, 0), 4, 1.2f).build(), diffuse);
        int sphere = b.mesh(new MeshBuilder("sphere").sphere(new Vector3f(), 0.6f, 32, 16, false).build());
        b.add("sphere", sphere, Material.matte(0.9f, 0.5f, 0.2f).withSpecular(0, 1),
                (t, m) -> m.translation(-1.2f + sphereSpeed * (float) t, 1.4f, -3.5f));
        return b.build();
    }

    static ScriptedViews views(Scene scene, HeadMotion motion, double fps) {
        return new ScriptedViews(StereoRig.questLike(), new HeadPath(motion, 0), scene.viewpoint(), fps);
    }
}
