package dev.ocular.distortion.profile;

import static dev.ocular.distortion.profile.ProfileFixture.leftLens;
import static dev.ocular.distortion.profile.ProfileFixture.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.model.BrownConradyModel;
import dev.ocular.distortion.model.GridLensModel;
import dev.ocular.distortion.model.RadialLensModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lens model block of the ocular format reads into the right model, and its specific checks fire. */
class ModelBlocksTest {
    private final LensProfiles profiles = new LensProfiles();

    @TempDir
    Path dir;

    private static ObjectNode replaceLeftLens(ObjectNode root) {
        ObjectNode eye = (ObjectNode) root.get("eyes").get("left");
        return eye.putObject("lens");
    }

    @Test
    void panotoolsBlock() {
        LensProfile profile = profiles.load(variant(dir, root -> {
            ObjectNode lens = replaceLeftLens(root);
            lens.put("model", "panotools");
            lens.putArray("center_px").add(80).add(80);
            lens.put("warp_scale_px", 90.0);
            lens.putArray("focal_px").add(100.0).add(100.0);
            lens.putArray("k").add(0.599).add(0.403).add(-1.005).add(1.003);
            lens.putArray("chroma_scale").add(0.985).add(1.0).add(1.015);
        }));
        LensModel model = profile.eye(Eye.LEFT).model();
        assertInstanceOf(RadialLensModel.class, model);
        assertEquals("panotools", model.modelName());
        // At r = 1 (90 px right of the centre) OpenHMD's factor is a + b + c + d = 1: render x = 1.015 · 90/100.
        Vector2d render = model.panelToRender(Channel.BLUE, 170, 80, new Vector2d());
        assertEquals(1.015 * 0.9, render.x, 1e-12);
        assertEquals(0.0, render.y, 1e-12);
    }

    @Test
    void radialPolynomialWithTangentialTermsIsTwoDimensional() {
        LensProfile profile = profiles.load(variant(dir, root -> leftLens(root).putArray("p").add(0.001).add(0.0)));
        assertInstanceOf(BrownConradyModel.class, profile.eye(Eye.LEFT).model());
        assertInstanceOf(RadialLensModel.class, profile.eye(Eye.RIGHT).model());
    }

    @Test
    void inversePolynomialBlockUsesValvesNormalisation() {
        LensProfile profile = profiles.load(variant(dir, root -> {
            ObjectNode lens = replaceLeftLens(root);
            lens.put("model", "inverse_polynomial");
            lens.put("form", "dpoly3");
            lens.putArray("focal").add(1.0).add(1.0);
            lens.put("r2_cutoff", 1.5);
            ObjectNode channels = lens.putObject("channels");
            for (String name : new String[] {"red", "green", "blue"}) {
                ObjectNode ch = channels.putObject(name);
                ch.putArray("center").add(0.1).add(0.0);
                ch.putArray("coeffs").add(-0.2).add(0.0).add(0.0);
            }
        }));
        LensModel model = profile.eye(Eye.LEFT).model();
        // Centre: w/2 · (1 + 0.1) = 88 px; one normalised unit = w/2 = 80 px; at r = 0.5: tan = 0.5 / (1 - 0.2·0.25).
        Vector2d render = model.panelToRender(Channel.GREEN, 88 + 40, 80, new Vector2d());
        assertEquals(0.5 / (1 - 0.05), render.x, 1e-12);
        assertTrue(model.inDomain(88 + 97, 80));
        assertTrue(!model.inDomain(88 + 99, 80));
    }

    @Test
    void splineBlock() {
        LensProfile profile = profiles.load(variant(dir, root -> {
            ObjectNode lens = replaceLeftLens(root);
            lens.put("model", "catmull_rom_spline");
            lens.putArray("center_px").add(80).add(80);
            lens.put("px_per_tan", 100.0);
            lens.putArray("knots").add(1.0).add(1.05).add(1.12).add(1.2);
            lens.putObject("chroma").putArray("blue").add(0.02).add(0.0);
        }));
        LensModel model = profile.eye(Eye.LEFT).model();
        assertEquals("catmull_rom_spline", model.modelName());
        // r² = 1/3 is the second knot: scale 1.05, blue × 1.02.
        double r = Math.sqrt(1.0 / 3.0);
        Vector2d render = model.panelToRender(Channel.BLUE, 80 + 100 * r, 80, new Vector2d());
        assertEquals(r * 1.05 * 1.02, render.x, 1e-12);
    }

    @Test
    void inversePolynomialRejectsAnUnknownForm() {
        Path file = variant(dir, root -> {
            ObjectNode lens = replaceLeftLens(root);
            lens.put("model", "inverse_polynomial");
            lens.put("form", "dpoly5");
        });
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("eyes.left.lens.form", e.location());
    }

    private static Path writeGrid(Path dir, LensModel source, double spacing, int columns, int rows,
                                  String corruption) throws IOException {
        StringBuilder csv = new StringBuilder("# measured grid written by a test\n");
        csv.append("x_px,y_px,red_x,red_y,green_x,green_y,blue_x,blue_y\n");
        Vector2d render = new Vector2d();
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                csv.append(String.format(Locale.ROOT, "%s,%s", i * spacing, j * spacing));
                for (Channel channel : Channel.values()) {
                    source.panelToRender(channel, i * spacing, j * spacing, render);
                    csv.append(',').append(render.x).append(',').append(render.y);
                }
                csv.append('\n');
            }
        }
        String text = corruption == null ? csv.toString() : corruption;
        Path file = dir.resolve("grid.csv");
        Files.writeString(file, text);
        return file;
    }

    private Path gridProfile() {
        return variant(dir, root -> {
            ObjectNode lens = replaceLeftLens(root);
            lens.put("model", "mesh_grid");
            lens.put("file", "grid.csv");
        });
    }

    @Test
    void meshGridIsReadFromACsvNextToTheProfile() throws IOException {
        LensModel source = profiles.load(variant(dir, root -> { })).eye(Eye.LEFT).model();
        writeGrid(dir, source, 10.0, 17, 17, null);
        LensModel grid = profiles.load(gridProfile()).eye(Eye.LEFT).model();
        assertInstanceOf(GridLensModel.class, grid);
        SplittableRandom random = new SplittableRandom(4);
        Vector2d a = new Vector2d();
        Vector2d b = new Vector2d();
        for (int i = 0; i < 1000; i++) {
            double x = random.nextDouble(10, 150);
            double y = random.nextDouble(10, 150);
            grid.panelToRender(Channel.RED, x, y, a);
            source.panelToRender(Channel.RED, x, y, b);
            // 10 px cells at 120 px per tangent unit: within a twentieth of a pixel.
            assertEquals(b.x, a.x, 0.05 / 120);
            assertEquals(b.y, a.y, 0.05 / 120);
        }
    }

    @Test
    void meshGridThatDoesNotCoverTheViewportIsRejected() throws IOException {
        LensModel source = profiles.load(variant(dir, root -> { })).eye(Eye.LEFT).model();
        writeGrid(dir, source, 10.0, 15, 17, null);
        Path profile = gridProfile();
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(profile));
        assertEquals(dir.resolve("grid.csv").toAbsolutePath().toString(), e.file());
        assertTrue(e.reason().contains("must cover the eye viewport 0..160 × 0..160"), e.getMessage());
    }

    @Test
    void meshGridWithATextCellIsRejectedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("grid.csv"), "x_px,y_px,red_x,red_y,green_x,green_y,blue_x,blue_y\n"
                + "0,0,0,0,0,0,0,0\n0,10,zero,0,0,0,0,0\n");
        Path profile = gridProfile();
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(profile));
        assertEquals("line 3, column 3", e.location());
        assertTrue(e.reason().contains("'zero' is not a number"), e.getMessage());
    }

    @Test
    void meshGridWithAMissingNodeIsRejected() throws IOException {
        LensModel source = profiles.load(variant(dir, root -> { })).eye(Eye.LEFT).model();
        Path full = writeGrid(dir, source, 10.0, 17, 17, null);
        String text = Files.readString(full);
        String lastLine = text.substring(text.stripTrailing().lastIndexOf('\n') + 1);
        Files.writeString(full, text.replace(lastLine, ""));
        Path profile = gridProfile();
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(profile));
        assertTrue(e.reason().contains("not a complete grid"), e.getMessage());
    }

    @Test
    void meshGridFileMustExist() {
        Path profile = gridProfile();
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(profile));
        assertTrue(e.file().endsWith("grid.csv"), e.getMessage());
        assertTrue(e.reason().startsWith("cannot read grid"), e.getMessage());
    }
}
