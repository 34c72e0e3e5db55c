package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Environment;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.Noise;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/** A city skyline, pylons with cables, a tree line and an aircraft, all far away against a bright sunset sky. */
public final class DistantSkylineScene implements SceneDefinition {
    @Override
    public String name() {
        return "distant-skyline";
    }

    @Override
    public String failureMode() {
        return "distant detail against the sky: sub-pixel antennas, cables and tree tops flicker, vanish or crawl";
    }

    @Override
    public String description() {
        return "60 buildings with lit windows at 150-600 m, 20-40 m antennas, transmission pylons and cables at "
                + "60-100 m, a tree line at 80-120 m and a slow aircraft at 400 m, against a low sun; slow pan.";
    }

    @Override
    public Scene build(long seed) {
        Environment sunset = new Environment(new Vector3f(0.2f, 0.08f, -1f), new Vector3f(4f, 2.6f, 1.6f),
                new Vector3f(0.25f, 0.35f, 0.7f), new Vector3f(1.6f, 1.1f, 0.7f), new Vector3f(0.1f, 0.09f, 0.08f),
                0.5f, 10f);
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.SLOW_PAN).environment(sunset);
        b.addStatic(Props.ground(2000, 1000), Material.textured(b.texture(ProceduralTextures.grass(seed, 256))));
        city(b, seed);
        b.addStatic(pylons(), Material.matte(0.15f, 0.15f, 0.16f));
        b.addStatic(trees(seed), Material.matte(0.04f, 0.09f, 0.04f));
        double phase = Props.phase(seed, 1);
        int plane = b.mesh(new MeshBuilder("aircraft").box(0, 0, 0, 30, 3, 3, 1).box(0, 0, 0, 4, 0.5f, 28, 1)
                .build());
        b.add("aircraft", plane, Material.matte(0.7f, 0.7f, 0.72f).withSpecular(0.5f, 200),
                (t, m) -> m.translation((float) (-300 + 40 * t + 100 * phase), 120, -400));
        return b.build();
    }

    /** Window-textured towers in a 140° arc at 150–600 m, some with thin antennas. */
    private static void city(SceneBuilder b, long seed) {
        int windows = b.texture(ProceduralTextures.windows(seed, 256, 16));
        MeshBuilder city = new MeshBuilder("city");
        MeshBuilder antennas = new MeshBuilder("antennas");
        for (int i = 0; i < 60; i++) {
            double a = Math.toRadians(-70 + 140 * Noise.hash(seed, i, 1));
            double r = 150 + 450 * Noise.hash(seed, i, 2);
            float x = (float) (r * Math.sin(a));
            float z = (float) (-r * Math.cos(a));
            float h = (float) (20 + 100 * Noise.hash(seed, i, 3));
            float w = (float) (12 + 18 * Noise.hash(seed, i, 4));
            city.box(x, h / 2, z, w, h, w, 1 / 8f);
            if (Noise.hash(seed, i, 5) < 0.4) {
                antennas.cylinder(new Vector3f(x, h, z), new Vector3f(x, h + 20 + 20 * (float) Noise.hash(seed, i, 6),
                        z), 0.3f, 5);
            }
        }
        b.addStatic(city.build(), Material.textured(windows));
        b.addStatic(antennas.build(), Material.matte(0.1f, 0.1f, 0.1f));
    }

    /** Four lattice pylons at 70–80 m with three cables between neighbours. */
    private static dev.ocular.scenes.scene.Mesh pylons() {
        MeshBuilder pylons = new MeshBuilder("pylons");
        for (int i = 0; i < 4; i++) {
            float x = -90 + 60 * i;
            float z = -70 - 10 * (i % 2);
            Vector3f top = new Vector3f(x, 30, z);
            for (int leg = 0; leg < 4; leg++) {
                float lx = x + ((leg & 1) == 0 ? -3 : 3);
                float lz = z + ((leg & 2) == 0 ? -3 : 3);
                pylons.cylinder(new Vector3f(lx, 0, lz), top, 0.2f, 4);
            }
            pylons.cylinder(new Vector3f(x - 8, 26, z), new Vector3f(x + 8, 26, z), 0.2f, 4);
            if (i > 0) {
                float px = x - 60;
                float pz = -70 - 10 * ((i - 1) % 2);
                for (float dx : new float[] {-7, 0, 7}) {
                    pylons.cylinder(new Vector3f(px + dx, 26, pz), new Vector3f(x + dx, 26, z), 0.05f, 4);
                }
            }
        }
        return pylons.build();
    }

    /** 150 trunk-and-crown trees at 80–120 m. */
    private static dev.ocular.scenes.scene.Mesh trees(long seed) {
        MeshBuilder trees = new MeshBuilder("tree-line");
        for (int i = 0; i < 150; i++) {
            float x = (float) (-150 + 300 * Noise.hash(seed, i, 7));
            float z = (float) (-80 - 40 * Noise.hash(seed, i, 8));
            float h = (float) (6 + 8 * Noise.hash(seed, i, 9));
            trees.cylinder(new Vector3f(x, 0, z), new Vector3f(x, h * 0.4f, z), 0.25f, 4);
            trees.sphere(new Vector3f(x, h * 0.65f, z), h * 0.3f, 6, 4, true);
        }
        return trees.build();
    }
}
