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

/** Mirror-like spheres, a faceted spinning ball, corrugated metal and sub-pixel LEDs under a harsh sun. */
public final class HdrSpecularsScene implements SceneDefinition {
    @Override
    public String name() {
        return "hdr-speculars";
    }

    @Override
    public String failureMode() {
        return "fireflies: tiny, extremely bright HDR highlights flicker, pop and bloom into blocks";
    }

    @Override
    public String description() {
        return "Chrome spheres and a faceted glitter ball (Blinn-Phong exponents 125 to 8000) under a sun of radiance "
                + "12, corrugated metal with specular lines, and a grid of 1 cm LEDs at emissive 60; nod.";
    }

    @Override
    public Scene build(long seed) {
        Environment harsh = new Environment(new Vector3f(-0.3f, 0.55f, 0.6f), new Vector3f(12f, 11.4f, 10.5f),
                new Vector3f(0.05f, 0.09f, 0.25f), new Vector3f(0.3f, 0.35f, 0.45f), new Vector3f(0.05f, 0.05f, 0.05f),
                0.4f, 30f);
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.NOD).environment(harsh);
        // Dark wet asphalt: a dim base with a sharp sun glint.
        b.addStatic(Props.ground(120, 60), Material.textured(b.texture(ProceduralTextures.grass(seed + 11, 256)))
                .withBaseColour(0.15f, 0.12f, 0.18f).withSpecular(0.3f, 300));
        for (int i = 0; i < 5; i++) {
            // Exponents 125 … 8000: from broad highlights to ones smaller than a pixel.
            float shininess = 125 * (1 << (i * 3 / 2));
            b.addStatic(new MeshBuilder("chrome-sphere-" + i).sphere(new Vector3f(-2.4f + 1.2f * i, 0.45f + 0.05f * i,
                    -4.5f), 0.4f - 0.05f * i, 48, 24, false).build(),
                    Material.matte(0.02f, 0.02f, 0.02f).withSpecular(1.0f, shininess));
        }

        int ball = b.mesh(new MeshBuilder("glitter-ball").sphere(new Vector3f(), 0.5f, 32, 16, true).build());
        double phase = Props.phase(seed, 1);
        b.add("glitter-ball", ball, Material.matte(0.05f, 0.05f, 0.06f).withSpecular(1.0f, 600),
                (t, m) -> m.translation(0.8f, 1.9f, -3.2f).rotateY((float) (2 * Math.PI * 0.3 * t + phase)));

        MeshBuilder sheet = new MeshBuilder("corrugated-metal");
        for (int i = 0; i < 60; i++) {
            float x = -3.5f + 0.05f * i;
            float dz = (i & 1) == 0 ? 0.02f : -0.02f;
            sheet.quad(new Vector3f(x, 2.5f, -6 + dz), new Vector3f(0.05f, 0, -2 * dz), new Vector3f(0, -2.2f, 0),
                    1, 1);
        }
        b.addStatic(sheet.build(), Material.matte(0.15f, 0.15f, 0.16f).withSpecular(1.0f, 1500));

        MeshBuilder leds = new MeshBuilder("leds");
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                leds.sphere(new Vector3f(1.2f + 0.09f * x, 0.6f + 0.09f * y, -3.0f), 0.01f, 6, 4, false);
            }
        }
        b.addStatic(leds.build(), Material.matte(1f, 0.35f, 0.15f).withEmissive(60).asUnlit());
        b.addStatic(new MeshBuilder("led-board").box(1.7f, 0.9f, -3.03f, 1.3f, 0.95f, 0.02f, 1).build(),
                Material.matte(0.02f, 0.02f, 0.02f));
        return b.build();
    }
}
