package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.Environment;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import dev.ocular.scenes.scene.Texture;
import org.joml.Vector3f;

/** Floating UI panels: an eye chart, a settings dialog with 1-texel strokes, and a drifting page of small text. */
public final class TextPanelsScene implements SceneDefinition {
    private static final String[] PARAGRAPH = {
        "OCULAR TEST PANEL - READ EVERY LINE.",
        "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG.",
        "Pack my box with five dozen liquor jugs.",
        "0123456789 +-*/=%#@&()[]{}<>?!:;,.'\"",
        "Sphinx of black quartz, judge my vow.",
        "How vexingly quick daft zebras jump!",
    };

    @Override
    public String name() {
        return "text-panels";
    }

    @Override
    public String failureMode() {
        return "legibility: small text and thin UI strokes blur, ring or smear after upscaling";
    }

    @Override
    public String description() {
        return "Emissive panels at 1.5-3 m: an eye chart with glyphs from 24 down to 2 texels per dot, a settings "
                + "dialog with 1-texel borders, and a slowly drifting page of small text; slow pan.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.SLOW_PAN)
                .environment(Environment.daylight());
        b.addStatic(Props.ground(60, 30), Material.textured(b.texture(ProceduralTextures.checker(256, 8, 0.1f,
                0.16f))));
        b.addStatic(panel("eye-chart", -1.7f, 2.3f, -3, 1.6f, 1.6f), Material.textured(b.texture(eyeChart(1024)))
                .asUnlit());
        b.addStatic(panel("dialog", 0.15f, 2.0f, -2.2f, 1.2f, 0.9f), Material.textured(b.texture(dialog(768, 576)))
                .asUnlit());
        int page = b.mesh(panel("page", -0.5f, 0.5f, 0, 1.0f, 1.0f));
        double phase = Props.phase(seed, 1);
        b.add("page", page, Material.textured(b.texture(page(768))).asUnlit(),
                (t, m) -> m.translation(1.9f, 1.5f + 0.15f * (float) Math.sin(2 * Math.PI * t / 5 + phase), -1.8f)
                        .rotateY(-0.5f));
        return b.build();
    }

    /** A vertical panel with its top-left corner at (x, y, z), facing +z. */
    private static dev.ocular.scenes.scene.Mesh panel(String name, float x, float y, float z, float w, float h) {
        return new MeshBuilder(name).quad(new Vector3f(x, y, z), new Vector3f(w, 0, 0), new Vector3f(0, -h, 0), 1, 1)
                .build();
    }

    static Texture eyeChart(int size) {
        Canvas c = new Canvas(size, size).fill(0.92f, 0.92f, 0.9f, 1);
        float[] ink = Canvas.rgba(0.01f, 0.01f, 0.01f, 1);
        double[] cells = {24, 16, 11, 8, 6, 4, 3, 2.5, 2, 1.5};
        String[] lines = {"E", "F P", "T O Z", "L P E D", "P E C F D", "E D F C Z P", "F E L O P Z D",
            "D E F P O T E C", "L E F O D P C T", "F D P L T C E O"};
        double y = 16;
        for (int i = 0; i < cells.length; i++) {
            double width = lines[i].length() * 6 * cells[i];
            c.text(lines[i], (size - width) / 2, y, cells[i], ink);
            y += 7 * cells[i] + Math.max(6, cells[i] * 3);
        }
        for (int i = 0; i < 3; i++) {
            c.text(PARAGRAPH[i + 1], 12, y + i * 12, 1.5, ink);
        }
        return c.toTexture("eye-chart", true);
    }

    static Texture dialog(int width, int height) {
        Canvas c = new Canvas(width, height).fill(0.12f, 0.13f, 0.16f, 1);
        float[] accent = Canvas.rgba(0.2f, 0.55f, 1.0f, 1);
        float[] text = Canvas.rgba(0.9f, 0.9f, 0.92f, 1);
        float[] line = Canvas.rgba(0.45f, 0.47f, 0.5f, 1);
        c.rect(0, 0, width, 40, accent);
        c.text("SETTINGS - DISPLAY", 14, 12, 2.5, text);
        String[] labels = {"Render scale", "Foveation", "Sharpening", "Motion smoothing", "Refresh rate 90 Hz"};
        for (int i = 0; i < labels.length; i++) {
            double y = 70 + i * 80;
            c.text(labels[i], 20, y, 2, text);
            c.rect(20, y + 26, width - 20, y + 27, line);
            c.rect(width - 140, y - 4, width - 60, y + 20, line);
            c.rect(width - 139, y - 3, width - 61, y + 19, Canvas.rgba(0.12f, 0.13f, 0.16f, 1));
            c.rect(width - 139, y - 3, width - 139 + 15 * (i + 1), y + 19, accent);
            c.text(Integer.toString(20 * (i + 1)) + "%", width - 50, y, 1.5, text);
        }
        c.text("Small print: changes apply on the next frame. v0.1", 20, height - 24, 1, line);
        return c.toTexture("dialog", true);
    }

    static Texture page(int size) {
        Canvas c = new Canvas(size, size).fill(0.98f, 0.97f, 0.93f, 1);
        float[] ink = Canvas.rgba(0.02f, 0.02f, 0.05f, 1);
        int line = 0;
        for (double y = 20; y < size - 20; y += 14) {
            c.text(PARAGRAPH[line % PARAGRAPH.length], 16, y, 1.6, ink);
            line++;
        }
        return c.toTexture("page", true);
    }
}
