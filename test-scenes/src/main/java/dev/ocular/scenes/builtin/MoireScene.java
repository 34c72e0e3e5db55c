package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import dev.ocular.scenes.scene.Texture;
import org.joml.Vector3f;

/** Receding checkerboards, a zone plate, fine stripes and a spinning spoke disc: texture frequencies near Nyquist. */
public final class MoireScene implements SceneDefinition {
    @Override
    public String name() {
        return "moire-textures";
    }

    @Override
    public String failureMode() {
        return "moire and texture aliasing: high-frequency mip-mapped textures beat against the pixel grid";
    }

    @Override
    public String description() {
        return "Checkerboard floor receding to the horizon, a zone-plate wall (all frequencies up to the texture's "
                + "Nyquist), a wall of fine stripes at a grazing angle and a spinning 72-spoke disc; slow pan.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.SLOW_PAN);
        int checker = b.texture(ProceduralTextures.checker(512, 32, 0.05f, 0.9f));
        b.addStatic(Props.ground(200, 40), Material.textured(checker));
        b.addStatic(new MeshBuilder("zone-plate").quad(new Vector3f(-3, 5.5f, -8), new Vector3f(6, 0, 0),
                new Vector3f(0, -5, 0), 1, 1).build(), Material.textured(b.texture(zonePlate(512))));
        b.addStatic(new MeshBuilder("stripes").quad(new Vector3f(-3, 4, 0), new Vector3f(0, 0, -40),
                new Vector3f(0, -4, 0), 40, 4).build(), Material.textured(b.texture(stripes(512, 32))));
        int disc = b.mesh(new MeshBuilder("spoke-disc").quad(new Vector3f(-1, 1, 0), new Vector3f(2, 0, 0),
                new Vector3f(0, -2, 0), 1, 1).build());
        double phase = Props.phase(seed, 1);
        b.add("spoke-disc", disc, Material.textured(b.texture(spokes(512, 72))).withAlphaCutoff(0.5f),
                (t, m) -> m.translation(2.6f, 1.7f, -6).rotateZ((float) (2 * Math.PI * 0.25 * t + phase)));
        return b.build();
    }

    /** cos(π r² / size): frequency grows linearly from the centre to the texture's Nyquist limit at the edge. */
    static Texture zonePlate(int size) {
        Canvas c = new Canvas(size, size);
        c.paint((x, y, out) -> {
            double dx = x - size / 2.0;
            double dy = y - size / 2.0;
            float v = (float) (0.5 + 0.45 * Math.cos(Math.PI * (dx * dx + dy * dy) / size));
            out[0] = v;
            out[1] = v;
            out[2] = v;
            out[3] = 1;
        }, 4);
        return c.toTexture("zone-plate", true);
    }

    static Texture stripes(int size, int pairs) {
        Canvas c = new Canvas(size, size).fill(0.08f, 0.08f, 0.1f, 1);
        double pitch = (double) size / pairs;
        float[] light = Canvas.rgba(0.85f, 0.82f, 0.7f, 1);
        for (int i = 0; i < pairs; i++) {
            c.rect(i * pitch, 0, i * pitch + pitch / 2, size, light);
        }
        return c.toTexture("stripes", true);
    }

    static Texture spokes(int size, int count) {
        Canvas c = new Canvas(size, size);
        c.paint((x, y, out) -> {
            double dx = x - size / 2.0;
            double dy = y - size / 2.0;
            double angle = Math.atan2(dy, dx);
            boolean dark = Math.floorMod((long) Math.floor(angle / (2 * Math.PI) * count * 2), 2) == 0;
            float v = dark ? 0.03f : 0.9f;
            out[0] = v;
            out[1] = v;
            out[2] = v;
            out[3] = dx * dx + dy * dy <= size * size / 4.0 ? 1 : 0;
        }, 4);
        return c.toTexture("spokes", true);
    }
}
