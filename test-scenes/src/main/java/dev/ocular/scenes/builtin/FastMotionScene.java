package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/** A ball shooting past, a spinning fan, a pendulum and a tumbling cube in front of a detailed brick wall. */
public final class FastMotionScene implements SceneDefinition {
    @Override
    public String name() {
        return "fast-motion";
    }

    @Override
    public String failureMode() {
        return "disocclusion and ghosting: fast objects over detail leave trails, smeared edges and stale history";
    }

    @Override
    public String description() {
        return "Brick wall and checker floor behind a ball sweeping at up to 16 m/s, a three-blade fan at 3 rev/s, "
                + "a swinging pendulum and a tumbling textured cube; head still so object motion vectors dominate.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.STATIC);
        int bricks = b.texture(ProceduralTextures.bricks(seed, 512));
        int checker = b.texture(ProceduralTextures.checker(256, 16, 0.1f, 0.7f));
        b.addStatic(Props.ground(60, 60), Material.textured(checker));
        b.addStatic(new MeshBuilder("wall").quad(new Vector3f(-8, 6, -6), new Vector3f(16, 0, 0),
                new Vector3f(0, -6, 0), 8, 3).build(), Material.textured(bricks));

        double p1 = Props.phase(seed, 1);
        int ball = b.mesh(new MeshBuilder("ball").sphere(new Vector3f(), 0.3f, 24, 12, false).build());
        b.add("ball", ball, Material.matte(0.9f, 0.75f, 0.1f).withSpecular(0.4f, 80),
                (t, m) -> m.translation(4 * (float) Math.sin(2 * Math.PI * t / 1.6 + p1), 1.3f, -4f)
                        .rotateZ((float) (-8 * t)));

        double p2 = Props.phase(seed, 2);
        MeshBuilder fan = new MeshBuilder("fan");
        for (int i = 0; i < 3; i++) {
            double a = 2 * Math.PI * i / 3;
            fan.transform(new org.joml.Matrix4f().rotateZ((float) a))
                    .box(0.45f, 0, 0, 0.8f, 0.12f, 0.02f, 4);
        }
        b.add("fan", b.mesh(fan.build()), Material.textured(checker).withSpecular(0.2f, 32),
                (t, m) -> m.translation(-1.6f, 1.7f, -3.2f).rotateZ((float) (2 * Math.PI * 3 * t + p2)));

        double p3 = Props.phase(seed, 3);
        MeshBuilder pendulum = new MeshBuilder("pendulum")
                .cylinder(new Vector3f(0, 0, 0), new Vector3f(0, -1.4f, 0), 0.015f, 6)
                .box(0, -1.55f, 0, 0.3f, 0.3f, 0.3f, 6);
        b.add("pendulum", b.mesh(pendulum.build()), Material.matte(0.2f, 0.5f, 0.9f),
                (t, m) -> m.translation(1.6f, 2.6f, -3.0f)
                        .rotateZ((float) (0.9 * Math.sin(2 * Math.PI * t / 1.3 + p3))));

        double p4 = Props.phase(seed, 4);
        int cube = b.mesh(new MeshBuilder("cube").box(0, 0, 0, 0.35f, 0.35f, 0.35f, 6).build());
        b.add("cube", cube, Material.textured(bricks),
                (t, m) -> m.translation(0.5f, 0.9f, -1.8f).rotateXYZ((float) (2.1 * t + p4), (float) (3.3 * t),
                        (float) (1.3 * t)));
        return b.build();
    }
}
