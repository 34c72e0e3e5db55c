package dev.ocular.distortion.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.LensProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValveLensFileTest {
    private final LensProfiles profiles = new LensProfiles();

    @TempDir
    Path dir;

    private static ObjectNode sample() throws IOException {
        try (InputStream in = ValveLensFileTest.class.getClassLoader()
                .getResourceAsStream("dev/ocular/distortion/profiles/valve-index-sample.json")) {
            return (ObjectNode) ProfileFixture.MAPPER.readTree(in);
        }
    }

    private Path variant(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = sample();
        edit.accept(root);
        return ProfileFixture.write(dir, "Unit LHR-1234.json", root);
    }

    private static ObjectNode leftEye(ObjectNode root) {
        return (ObjectNode) root.get("tracking_to_eye_transform").get(0);
    }

    @Test
    void aUnitFileLoadsWithItsViewportAndDerivedFieldOfView() throws IOException {
        LensProfile profile = profiles.load(variant(root -> { }));
        assertEquals("unit-lhr-1234", profile.name());
        assertEquals(2880, profile.panelWidthPx());
        assertEquals(1600, profile.panelHeightPx());
        assertEquals("inverse_polynomial", profile.eye(Eye.LEFT).model().modelName());
        // ±(1 + grow) normalised, minus green's centre, over fx = 1.16.
        double grow = 0.6000000238418579;
        double cx = 0.08946027017045266;
        assertEquals(Math.toDegrees(Math.atan((-(1 + grow) - cx) / 1.16)), profile.eye(Eye.LEFT).fov().leftDeg(),
                1e-9);
    }

    @Test
    void missingRedAndBlueBlocksDefaultToGreen() throws IOException {
        LensProfile profile = profiles.load(variant(root -> {
            leftEye(root).remove("distortion_red");
            leftEye(root).remove("distortion_blue");
        }));
        Vector2d red = profile.eye(Eye.LEFT).model().panelToRender(Channel.RED, 300, 500, new Vector2d());
        Vector2d green = profile.eye(Eye.LEFT).model().panelToRender(Channel.GREEN, 300, 500, new Vector2d());
        assertEquals(green.x, red.x, 0.0);
        assertEquals(green.y, red.y, 0.0);
    }

    @Test
    void unsupportedDistortionType() throws IOException {
        Path file = variant(root -> ((ObjectNode) leftEye(root).get("distortion_blue")).put("type", "DISTORT_FOO"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("tracking_to_eye_transform[0].distortion_blue.type", e.location());
        assertTrue(e.reason().contains("unsupported distortion type \"DISTORT_FOO\""), e.getMessage());
    }

    @Test
    void missingIntrinsics() throws IOException {
        Path file = variant(root -> leftEye(root).remove("intrinsics"));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("tracking_to_eye_transform[0].intrinsics", e.location());
    }

    @Test
    void oneEyeOnly() throws IOException {
        Path file = variant(root -> ((ArrayNode) root.get("tracking_to_eye_transform")).remove(1));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("tracking_to_eye_transform", e.location());
        assertTrue(e.reason().contains("expected 2 elements, found 1"), e.getMessage());
    }

    @Test
    void nanCoefficientInAUnitFile() throws IOException {
        Path file = variant(root -> ((ArrayNode) leftEye(root).get("distortion").get("coeffs")).set(1, Double.NaN));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("tracking_to_eye_transform[0].distortion.coeffs[1]", e.location());
        assertTrue(e.reason().contains("NaN"), e.getMessage());
    }

    @Test
    void absurdEyeWidth() throws IOException {
        Path file = variant(root -> ((ObjectNode) root.get("device")).put("eye_target_width_in_pixels", 5));
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("device.eye_target_width_in_pixels", e.location());
    }

    @Test
    void aLensThatFoldsInsideTheCutoffIsRejected() throws IOException {
        // A strongly positive c0 makes r / (1 + 3 r²) turn back at r = 1/√3 ≈ 0.577, well inside r² < 1.5.
        Path file = variant(root -> {
            ObjectNode eye = leftEye(root);
            eye.put("undistort_r2_cutoff", 1.5);
            for (String block : new String[] {"distortion", "distortion_red", "distortion_blue"}) {
                ((ArrayNode) eye.get(block).get("coeffs")).set(0, 3.0).set(1, 0.0).set(2, 0.0);
            }
        });
        LensInputException e = assertThrows(LensInputException.class, () -> profiles.load(file));
        assertEquals("tracking_to_eye_transform[0]", e.location());
        assertTrue(e.reason().contains("fold-over"), e.getMessage());
        // 0.57735 normalised units of 720 px.
        assertTrue(e.reason().contains("r = 415.692 px"), e.getMessage());
    }
}
