package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.Mesh;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import dev.ocular.scenes.scene.Texture;
import java.util.Locale;
import java.util.SplittableRandom;
import org.joml.Vector3f;

/**
 * A station underpass: brick walls seen at grazing angles, a tiled floor, wall posters and hanging departure boards
 * covered in small print. It exists so that training sees text and minified masonry under sideways motion — the two
 * kinds of content the held-out scenes are made of — without being either held-out scene: the geometry, the glyph
 * sizes and the words differ, and the seed rewrites every line of text.
 */
public final class ConcourseScene implements SceneDefinition {
    private static final float HALF_WIDTH = 3f;
    private static final float HEIGHT = 3.6f;
    private static final float LENGTH = 32;
    private static final String SYLLABLES = "BA KE TO RIN SU MA LO VEN DA PI GOR ES TRA NU HEL ON QUI ZA FE WY";

    @Override
    public String name() {
        return "concourse";
    }

    @Override
    public String failureMode() {
        return "small print and masonry at grazing angles: glyph strokes and mortar lines shimmer or smear under "
                + "sideways motion";
    }

    @Override
    public String description() {
        return "A 32 m station underpass: brick walls, tiled floor, seeded posters with headlines and 1-2 texel small "
                + "print, two emissive departure boards across the hall and a poster trolley crossing it; the seed "
                + "rewrites every text; sideways sway and step.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.TRANSLATION);
        SplittableRandom random = new SplittableRandom(0xC0C0L ^ seed);
        int tiles = b.texture(ProceduralTextures.checker(256, 12, 0.3f, 0.5f));
        int bricks = b.texture(ProceduralTextures.bricks(seed + 11, 512));
        float far = -LENGTH;

        b.addStatic(new MeshBuilder("floor").quad(new Vector3f(-HALF_WIDTH, 0, 2), new Vector3f(2 * HALF_WIDTH, 0, 0),
                new Vector3f(0, 0, far - 2), 6, LENGTH + 2).build(), Material.textured(tiles).withSpecular(0.25f, 50));
        MeshBuilder walls = new MeshBuilder("walls")
                .quad(new Vector3f(-HALF_WIDTH, HEIGHT, 2), new Vector3f(0, 0, far - 2), new Vector3f(0, -HEIGHT, 0),
                        (LENGTH + 2) / 2.5f, HEIGHT / 2.5f)
                .quad(new Vector3f(HALF_WIDTH, HEIGHT, far), new Vector3f(0, 0, LENGTH + 2),
                        new Vector3f(0, -HEIGHT, 0), (LENGTH + 2) / 2.5f, HEIGHT / 2.5f)
                .quad(new Vector3f(-HALF_WIDTH, HEIGHT, far), new Vector3f(2 * HALF_WIDTH, 0, 0),
                        new Vector3f(0, -HEIGHT, 0), 2 * HALF_WIDTH / 2.5f, HEIGHT / 2.5f);
        b.addStatic(walls.build(), Material.textured(bricks));
        b.addStatic(new MeshBuilder("ceiling").quad(new Vector3f(-HALF_WIDTH, HEIGHT, far), new Vector3f(
                2 * HALF_WIDTH, 0, 0), new Vector3f(0, 0, LENGTH + 2), 1, 1).build(), Material.matte(0.2f, 0.2f, 0.22f));

        MeshBuilder lights = new MeshBuilder("ceiling-lights");
        for (float z = -1; z > far; z -= 4) {
            lights.box(0, HEIGHT - 0.05f, z, 0.15f, 0.05f, 2.2f, 1);
        }
        b.addStatic(lights.build(), Material.matte(1f, 0.96f, 0.9f).withEmissive(5));

        // Posters alternate sides every 3.5 m, a hand's breadth off the wall so their edges disocclude brick.
        int poster = 0;
        for (float z = -2; z > far + 2; z -= 3.5f, poster++) {
            float side = (poster & 1) == 0 ? -1 : 1;
            float x = side * (HALF_WIDTH - 0.03f);
            Vector3f origin = new Vector3f(x, 2.3f, side < 0 ? z : z - 1.2f);
            Vector3f along = new Vector3f(0, 0, side < 0 ? -1.2f : 1.2f);
            Mesh mesh = new MeshBuilder("poster-" + poster).quad(origin, along, new Vector3f(0, -1.6f, 0), 1, 1)
                    .build();
            b.addStatic(mesh, Material.textured(b.texture(poster(random, 384, 512))).asUnlit());
        }
        for (float z : new float[] {-7, -21}) {
            Mesh board = new MeshBuilder("board").box(0, 2.9f, z, 2.6f, 0.55f, 0.08f, 1).build();
            b.addStatic(board, Material.matte(0.1f, 0.1f, 0.1f));
            Mesh face = new MeshBuilder("board-face").quad(new Vector3f(-1.25f, 3.13f, z + 0.045f),
                    new Vector3f(2.5f, 0, 0), new Vector3f(0, -0.46f, 0), 1, 1).build();
            b.addStatic(face, Material.textured(b.texture(departures(random, 1024, 192))).asUnlit());
        }

        double phase = Props.phase(seed, 1);
        int trolley = b.mesh(new MeshBuilder("trolley").quad(new Vector3f(-0.5f, 1.7f, 0), new Vector3f(1, 0, 0),
                new Vector3f(0, -1.4f, 0), 1, 1).build());
        b.add("trolley", trolley, Material.textured(b.texture(poster(random, 256, 352))).asUnlit(),
                (t, m) -> m.translation(2.2f * (float) Math.sin(2 * Math.PI * t / 6 + phase), 0, -12));
        return b.build();
    }

    /** A paper poster: a headline of 5-8 texel cells, a rule, then lines of 1-2 texel small print. */
    static Texture poster(SplittableRandom random, int width, int height) {
        float tone = 0.85f + 0.12f * (float) random.nextDouble();
        Canvas c = new Canvas(width, height).fill(tone, tone * 0.97f, tone * 0.9f, 1);
        float[] ink = Canvas.rgba(0.03f, 0.03f, 0.06f, 1);
        float[] accent = Canvas.rgba(0.7f * (float) random.nextDouble(), 0.2f, 0.5f * (float) random.nextDouble(), 1);
        double headline = 5 + 3 * random.nextDouble();
        c.text(words(random, width / (6 * headline)), 10, 12, headline, accent);
        double y = 20 + 7 * headline;
        c.rect(10, y, width - 10, y + 2, ink);
        y += 10;
        while (y < height - 20) {
            double cell = random.nextDouble() < 0.5 ? 1 : 1.5 + 0.5 * random.nextDouble();
            c.text(words(random, (width - 20) / (6 * cell)), 10, y, cell, ink);
            y += 7 * cell + 4;
        }
        return c.toTexture("poster", true);
    }

    /** An LED departure board: rows of time, destination and platform in 2-3 texel cells, amber on black. */
    static Texture departures(SplittableRandom random, int width, int height) {
        Canvas c = new Canvas(width, height).fill(0.02f, 0.02f, 0.02f, 1);
        float[] amber = Canvas.rgba(1f, 0.7f, 0.15f, 1);
        float[] white = Canvas.rgba(0.92f, 0.92f, 0.9f, 1);
        double y = 8;
        for (int row = 0; y < height - 20; row++) {
            double cell = row == 0 ? 3 : 2 + random.nextDouble();
            String line = String.format("%02d:%02d %s", 5 + random.nextInt(18), random.nextInt(60),
                    words(random, 26));
            c.text(line, 8, y, cell, row == 0 ? white : amber);
            c.text(Integer.toString(1 + random.nextInt(12)), width - 40, y, cell, white);
            y += 7 * cell + 5;
        }
        return c.toTexture("departures", true);
    }

    /** Seeded pseudo-words in mixed case, filling (and cut to) {@code maxChars} characters, at least one. */
    static String words(SplittableRandom random, double maxChars) {
        String[] syllables = SYLLABLES.split(" ");
        int length = (int) Math.max(1, Math.floor(maxChars));
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                String syllable = syllables[random.nextInt(syllables.length)];
                s.append(random.nextBoolean() ? syllable : syllable.toLowerCase(Locale.ROOT));
            }
            s.append(' ');
        }
        return s.substring(0, length);
    }
}
