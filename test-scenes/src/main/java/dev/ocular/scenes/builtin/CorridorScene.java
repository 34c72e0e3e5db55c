package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/** A long corridor of pillars, beams, lamps and doorways opening onto the sky: many depth layers. */
public final class CorridorScene implements SceneDefinition {
    private static final float LENGTH = 40;

    @Override
    public String name() {
        return "corridor";
    }

    @Override
    public String failureMode() {
        return "depth complexity: many overlapping depth layers disocclude at pillar and door edges under parallax";
    }

    @Override
    public String description() {
        return "A 40 m corridor with pillars every 2.5 m, ceiling beams, emissive lamps, two partition walls with "
                + "doorways, a sliding door and the open end against the sky; sideways sway and step.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.TRANSLATION);
        int tiles = b.texture(ProceduralTextures.checker(256, 8, 0.25f, 0.6f));
        int bricks = b.texture(ProceduralTextures.bricks(seed, 512));
        b.addStatic(new MeshBuilder("floor").quad(new Vector3f(-1.5f, 0, 2), new Vector3f(3, 0, 0),
                new Vector3f(0, 0, -LENGTH - 2), 3, LENGTH + 2).build(), Material.textured(tiles).withSpecular(0.3f, 60));
        MeshBuilder walls = new MeshBuilder("walls")
                .quad(new Vector3f(-1.5f, 3, 2), new Vector3f(0, 0, -LENGTH - 2), new Vector3f(0, -3, 0), 21, 1.5f)
                .quad(new Vector3f(1.5f, 3, -LENGTH), new Vector3f(0, 0, LENGTH + 2), new Vector3f(0, -3, 0), 21, 1.5f);
        b.addStatic(walls.build(), Material.textured(bricks));
        b.addStatic(new MeshBuilder("ceiling").quad(new Vector3f(-1.5f, 3, -LENGTH), new Vector3f(3, 0, 0),
                new Vector3f(0, 0, LENGTH + 2), 1, 1).build(), Material.matte(0.5f, 0.5f, 0.48f));

        MeshBuilder structure = new MeshBuilder("pillars-and-beams");
        MeshBuilder lamps = new MeshBuilder("lamps");
        int bay = 0;
        for (float z = -1; z > -LENGTH; z -= 2.5f, bay++) {
            structure.box(-1.25f, 1.5f, z, 0.3f, 3, 0.3f, 2);
            structure.box(1.25f, 1.5f, z, 0.3f, 3, 0.3f, 2);
            structure.box(0, 2.85f, z, 3, 0.3f, 0.25f, 2);
            if (bay % 2 == 1) {
                lamps.box(0, 2.45f, z + 1.25f, 0.25f, 0.06f, 0.25f, 1);
                lamps.cylinder(new Vector3f(0, 2.48f, z + 1.25f), new Vector3f(0, 3, z + 1.25f), 0.006f, 5);
            }
        }
        for (float z : new float[] {-15, -28}) {
            structure.box(-0.95f, 1.5f, z, 1.1f, 3, 0.2f, 2);
            structure.box(0.95f, 1.5f, z, 1.1f, 3, 0.2f, 2);
            structure.box(0, 2.6f, z, 0.8f, 0.8f, 0.2f, 2);
        }
        b.addStatic(structure.build(), Material.matte(0.55f, 0.53f, 0.5f));
        b.addStatic(lamps.build(), Material.matte(1f, 0.9f, 0.7f).withEmissive(8));

        double phase = Props.phase(seed, 1);
        int door = b.mesh(new MeshBuilder("sliding-door").box(0, 1.1f, 0, 0.8f, 2.2f, 0.06f, 4).build());
        b.add("sliding-door", door, Material.textured(tiles),
                (t, m) -> m.translation(0.55f * (float) Math.sin(2 * Math.PI * t / 3 + phase), 0, -10));
        return b.build();
    }
}
