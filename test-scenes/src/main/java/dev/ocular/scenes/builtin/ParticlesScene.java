package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Environment;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/** A fire pit throwing sparks and smoke in falling snow, in front of a brick wall: particles without vectors. */
public final class ParticlesScene implements SceneDefinition {
    @Override
    public String name() {
        return "particles";
    }

    @Override
    public String failureMode() {
        return "untracked motion: particles and alpha without motion vectors ghost, smear or vanish under temporal "
                + "accumulation";
    }

    @Override
    public String description() {
        return SparkFountain.SPARKS + " HDR sparks, " + SparkFountain.SMOKE + " smoke puffs and "
                + SparkFountain.SNOW + " snowflakes, additively blended with no depth or motion vectors (the motion "
                + "buffer keeps the vectors of the surface behind), over a brick wall; slow pan.";
    }

    @Override
    public Scene build(long seed) {
        Environment dusk = new Environment(new Vector3f(0.5f, 0.25f, 0.4f), new Vector3f(1.2f, 0.9f, 0.7f),
                new Vector3f(0.05f, 0.07f, 0.16f), new Vector3f(0.25f, 0.2f, 0.25f), new Vector3f(0.04f, 0.04f, 0.05f),
                0.5f, 6f);
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.SLOW_PAN).environment(dusk)
                .particles(new SparkFountain(seed));
        b.addStatic(Props.ground(60, 40), Material.textured(b.texture(ProceduralTextures.grass(seed + 5, 256))));
        b.addStatic(new MeshBuilder("wall").quad(new Vector3f(-6, 4.5f, -5.5f), new Vector3f(12, 0, 0),
                new Vector3f(0, -4.5f, 0), 6, 2.25f).build(),
                Material.textured(b.texture(ProceduralTextures.bricks(seed, 512))));
        MeshBuilder pit = new MeshBuilder("fire-pit");
        for (int i = 0; i < 10; i++) {
            double a = 2 * Math.PI * i / 10;
            pit.box((float) (0.45 * Math.cos(a)), 0.1f, (float) (-3 + 0.45 * Math.sin(a)), 0.22f, 0.2f, 0.22f, 4);
        }
        b.addStatic(pit.build(), Material.matte(0.2f, 0.19f, 0.18f));
        b.addStatic(new MeshBuilder("embers").box(0, 0.05f, -3, 0.5f, 0.08f, 0.5f, 2).build(),
                Material.matte(1f, 0.3f, 0.05f).withEmissive(4));
        return b.build();
    }
}
