package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import org.joml.Vector3f;

/** Power lines, a chain-link fence, a railing and a spinning antenna: geometry thinner than a pixel. */
public final class ThinWiresScene implements SceneDefinition {
    @Override
    public String name() {
        return "thin-wires";
    }

    @Override
    public String failureMode() {
        return "aliasing of sub-pixel geometry: wires, fences and railings shimmer, break up and crawl";
    }

    @Override
    public String description() {
        return "Chain-link fence (alpha-tested) at 5 m, a railing of 8 mm bars at 2.5 m, sagging power lines at "
                + "15-30 m against the sky and a spinning wire antenna; slow pan.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.SLOW_PAN);
        b.addStatic(Props.ground(200, 100), Material.textured(b.texture(ProceduralTextures.grass(seed, 256))));
        int fence = b.texture(ProceduralTextures.chainLink(256, 4, 0.22));
        b.addStatic(new MeshBuilder("fence").quad(new Vector3f(-6, 2.2f, -5), new Vector3f(12, 0, 0),
                new Vector3f(0, -2.2f, 0), 24, 4.4f).build(), Material.textured(fence).withAlphaCutoff(0.5f));

        MeshBuilder metal = new MeshBuilder("posts-and-railing");
        for (int i = -3; i <= 3; i++) {
            metal.cylinder(new Vector3f(2 * i, 0, -5), new Vector3f(2 * i, 2.3f, -5), 0.03f, 8);
        }
        metal.cylinder(new Vector3f(-3, 1.0f, -2.5f), new Vector3f(3, 1.0f, -2.5f), 0.02f, 8);
        metal.cylinder(new Vector3f(-3, 0.1f, -2.5f), new Vector3f(3, 0.1f, -2.5f), 0.015f, 8);
        for (float x = -3; x <= 3.001f; x += 0.12f) {
            metal.cylinder(new Vector3f(x, 0.1f, -2.5f), new Vector3f(x, 1.0f, -2.5f), 0.004f, 6);
        }
        b.addStatic(metal.build(), Material.matte(0.35f, 0.36f, 0.38f).withSpecular(0.5f, 64));

        MeshBuilder lines = new MeshBuilder("power-lines");
        for (float z : new float[] {-15, -30}) {
            lines.cylinder(new Vector3f(-12, 0, z), new Vector3f(-12, 9, z), 0.12f, 8);
            lines.cylinder(new Vector3f(12, 0, z), new Vector3f(12, 9, z), 0.12f, 8);
            lines.cylinder(new Vector3f(-13.5f, 8.6f, z), new Vector3f(-10.5f, 8.6f, z), 0.05f, 6);
            lines.cylinder(new Vector3f(10.5f, 8.6f, z), new Vector3f(13.5f, 8.6f, z), 0.05f, 6);
        }
        for (int w = 0; w < 3; w++) {
            float dx = -1.3f + 1.3f * w;
            for (float z : new float[] {-15, -30}) {
                catenary(lines, new Vector3f(-12 + dx, 8.6f, z), new Vector3f(12 + dx, 8.6f, z), 1.6f, 0.012f);
            }
            catenary(lines, new Vector3f(12 + dx, 8.6f, -15), new Vector3f(12 + dx, 8.6f, -30), 1.0f, 0.012f);
        }
        b.addStatic(lines.build(), Material.matte(0.08f, 0.08f, 0.09f));

        int antenna = b.mesh(new MeshBuilder("antenna")
                .cylinder(new Vector3f(-0.6f, 0, 0), new Vector3f(0.6f, 0, 0), 0.006f, 6)
                .cylinder(new Vector3f(0, 0, -0.6f), new Vector3f(0, 0, 0.6f), 0.006f, 6)
                .cylinder(new Vector3f(0, -1.4f, 0), new Vector3f(0, 0.3f, 0), 0.01f, 6).build());
        double phase = Props.phase(seed, 1);
        b.add("antenna", antenna, Material.matte(0.8f, 0.2f, 0.15f),
                (t, m) -> m.translation(2.2f, 1.6f, -3.8f).rotateY((float) (2 * Math.PI * 0.5 * t + phase)));
        return b.build();
    }

    /** A sagging cable from {@code a} to {@code b} as a chain of short cylinders (parabolic sag). */
    private static void catenary(MeshBuilder mesh, Vector3f a, Vector3f b, float sag, float radius) {
        int segments = 24;
        Vector3f previous = new Vector3f(a);
        for (int i = 1; i <= segments; i++) {
            float s = (float) i / segments;
            Vector3f p = new Vector3f(a).lerp(b, s);
            p.y -= 4 * sag * s * (1 - s);
            mesh.cylinder(previous, p, radius, 5);
            previous = p;
        }
    }
}
