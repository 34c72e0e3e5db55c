package dev.ocular.distortion.profile;

import static dev.ocular.distortion.profile.ProfileFixture.array;
import static dev.ocular.distortion.profile.ProfileFixture.leftLens;
import static dev.ocular.distortion.profile.ProfileFixture.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.LensProfile;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad profile is rejected with a {@link LensInputException} whose message is one line naming the file,
 * the JSON path of the field and the reason.
 */
class ProfileBadInputTest {
    private final LensProfiles profiles = new LensProfiles();

    @TempDir
    Path dir;

    private LensInputException reject(Consumer<ObjectNode> edit) {
        Path file = variant(dir, edit);
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertEquals(file + ": " + e.location() + ": " + e.reason(), e.getMessage());
        return e;
    }

    private static void assertAt(LensInputException e, String path, String reasonPart) {
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
    }

    @Test
    void theFixtureItselfIsValid() {
        LensProfile profile = profiles.load(variant(dir, root -> { }));
        assertEquals("tiny", profile.name());
        assertEquals(320, profile.panelWidthPx());
    }

    @Test
    void nanCoefficient() {
        // Written as the non-standard literal NaN, which the reader accepts so that it can name it.
        Path file = ProfileFixture.writeText(dir, "nan.json", ProfileFixture.valid().toPrettyString()
                .replace("0.441", "NaN"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertAt(e, "eyes.left.lens.k[0]", "not a finite number (NaN)");
    }

    @Test
    void infiniteCoefficient() {
        Path file = ProfileFixture.writeText(dir, "inf.json", ProfileFixture.valid().toPrettyString()
                .replace("0.156", "1e999"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertAt(e, "eyes.left.lens.k[1]", "not a finite number (Infinity)");
    }

    @Test
    void infinityLiteral() {
        Path file = ProfileFixture.writeText(dir, "inf2.json", ProfileFixture.valid().toPrettyString()
                .replaceFirst("120\\.0", "-Infinity"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertAt(e, "eyes.left.lens.focal_px[0]", "not a finite number (-Infinity)");
    }

    @Test
    void foldOverInsideTheVisibleAreaNamesTheRadius() {
        // k1 = -0.9: g = r (1 - 0.9 r²), g' = 1 - 2.7 r² = 0 at r = 0.6086 = 73.03 px at 120 px per unit; the wide
        // field of view keeps the pixels beyond it visible.
        LensInputException e = reject(root -> {
            array(leftLens(root), "k").removeAll().add(-0.9);
            ObjectNode fov = (ObjectNode) root.get("eyes").get("left").get("fov_deg");
            fov.put("left", -80.0).put("right", 80.0).put("up", 80.0).put("down", -80.0);
        });
        assertAt(e, "eyes.left.lens", "fold-over");
        double expected = 120.0 / Math.sqrt(2.7);
        assertTrue(e.reason().contains(String.format(java.util.Locale.ROOT, "r = %.3f px", expected)), e.getMessage());
    }

    @Test
    void missingEye() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("eyes")).remove("right"));
        assertAt(e, "eyes.right", "missing required field");
    }

    @Test
    void missingField() {
        LensInputException e = reject(root -> leftLens(root).remove("focal_px"));
        assertAt(e, "eyes.left.lens.focal_px", "missing required field");
    }

    @Test
    void missingPanel() {
        LensInputException e = reject(root -> root.remove("panel"));
        assertAt(e, "panel", "missing required field");
    }

    @Test
    void wrongTypeString() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("panel")).put("width_px", "320"));
        assertAt(e, "panel.width_px", "expected a number, found string \"320\"");
    }

    @Test
    void wrongTypeObjectForArray() {
        LensInputException e = reject(root -> leftLens(root).putObject("k"));
        assertAt(e, "eyes.left.lens.k", "expected an array, found an object");
    }

    @Test
    void wrongTypeForEyes() {
        LensInputException e = reject(root -> root.put("eyes", 3));
        assertAt(e, "eyes", "expected an object, found number 3");
    }

    @Test
    void absurdlyWidePanel() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("panel")).put("width_px", 100000));
        assertAt(e, "panel.width_px", "100000 is outside the accepted range 32 to 16384");
    }

    @Test
    void zeroHeightPanel() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("panel")).put("height_px", 0));
        assertAt(e, "panel.height_px", "outside the accepted range");
    }

    @Test
    void fractionalPanelSize() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("panel")).put("height_px", 160.5));
        assertAt(e, "panel.height_px", "expected an integer");
    }

    @Test
    void oddPanelWidth() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("panel")).put("width_px", 321));
        assertAt(e, "panel.width_px", "odd");
    }

    @Test
    void emptyFieldOfView() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("eyes").get("right").get("fov_deg"))
                .put("left", 50.0));
        assertAt(e, "eyes.right.fov_deg", "left (50.0°) must be less than right");
    }

    @Test
    void fieldOfViewBeyondNinetyDegrees() {
        LensInputException e = reject(root -> ((ObjectNode) root.get("eyes").get("left").get("fov_deg"))
                .put("up", 95.0));
        assertAt(e, "eyes.left.fov_deg.up", "outside the accepted range");
    }

    @Test
    void negativeFocalLength() {
        LensInputException e = reject(root -> array(leftLens(root), "focal_px").set(1, -3.0));
        assertAt(e, "eyes.left.lens.focal_px[1]", "must be greater than 0");
    }

    @Test
    void tooManyCoefficients() {
        LensInputException e = reject(root -> array(leftLens(root), "k").add(0.1).add(0.2));
        assertAt(e, "eyes.left.lens.k", "expected 1 to 3 elements, found 4");
    }

    @Test
    void unknownModel() {
        LensInputException e = reject(root -> leftLens(root).put("model", "fisheye"));
        assertAt(e, "eyes.left.lens.model", "unknown lens model \"fisheye\"");
    }

    @Test
    void misspeltField() {
        LensInputException e = reject(root -> {
            ObjectNode lens = leftLens(root);
            lens.set("kk", lens.remove("k"));
        });
        assertAt(e, "eyes.left.lens.kk", "unknown field");
    }

    @Test
    void implausibleChromaticScale() {
        LensInputException e = reject(root -> leftLens(root).putArray("chroma_scale").add(1.0).add(1.0).add(9.0));
        assertAt(e, "eyes.left.lens.chroma_scale[2]", "not a plausible chromatic scale");
    }

    @Test
    void wrongFormat() {
        LensInputException e = reject(root -> root.put("format", "something-else"));
        assertAt(e, "format", "expected \"ocular-lens-profile\"");
    }

    @Test
    void unsupportedVersion() {
        LensInputException e = reject(root -> root.put("version", 2));
        assertAt(e, "version", "outside the accepted range 1 to 1");
    }

    @Test
    void nothingVisible() {
        // A field of view so far off axis that no panel pixel maps into it.
        LensInputException e = reject(root -> ((ObjectNode) root.get("eyes").get("left").get("fov_deg"))
                .put("left", 80.0).put("right", 85.0));
        assertAt(e, "eyes.left.lens", "no panel pixel of the left eye is visible");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Path file = ProfileFixture.writeText(dir, "broken.json",
                "{\n  \"format\": \"ocular-lens-profile\",\n  oops\n}");
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertTrue(e.location().startsWith("line 3, column"), e.getMessage());
        assertTrue(e.reason().startsWith("malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        Path file = ProfileFixture.writeText(dir, "dup.json", ProfileFixture.valid().toPrettyString()
                .replace("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertTrue(e.reason().contains("Duplicate field"), e.getMessage());
    }

    @Test
    void topLevelArray() {
        Path file = ProfileFixture.writeText(dir, "array.json", "[1, 2]");
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertAt(e, "(root)", "expected an object, found an array");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.json");
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertAt(e, "(file)", "no such file");
    }

    @Test
    void unknownBuiltin() {
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.builtin("rift-dk9"));
        assertEquals("builtin:rift-dk9", e.file());
        assertTrue(e.reason().contains("rift-dk1"), e.getMessage());
    }
}
