package dev.ocular.distortion.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A small valid ocular profile (320×160 panel, Cardboard-like lens) that tests break one field at a time. */
final class ProfileFixture {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProfileFixture() {
    }

    static ObjectNode valid() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "ocular-lens-profile");
        root.put("version", 1);
        root.put("name", "tiny");
        root.put("display_name", "Tiny test headset");
        root.put("source", "test fixture");
        ObjectNode panel = root.putObject("panel");
        panel.put("width_px", 320);
        panel.put("height_px", 160);
        ObjectNode eyes = root.putObject("eyes");
        eyes.set("left", eye(70.0));
        eyes.set("right", eye(90.0));
        return root;
    }

    private static ObjectNode eye(double centerX) {
        ObjectNode eye = MAPPER.createObjectNode();
        ObjectNode fov = eye.putObject("fov_deg");
        fov.put("left", -40.0);
        fov.put("right", 40.0);
        fov.put("up", 40.0);
        fov.put("down", -40.0);
        ObjectNode lens = eye.putObject("lens");
        lens.put("model", "radial_polynomial");
        lens.putArray("center_px").add(centerX).add(80.0);
        lens.putArray("focal_px").add(120.0).add(120.0);
        lens.putArray("k").add(0.441).add(0.156);
        return eye;
    }

    /** The left eye's lens block of {@code root}. */
    static ObjectNode leftLens(ObjectNode root) {
        return (ObjectNode) root.get("eyes").get("left").get("lens");
    }

    static ArrayNode array(ObjectNode node, String field) {
        return (ArrayNode) node.get(field);
    }

    static Path write(Path dir, String fileName, JsonNode root) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeText(Path dir, String fileName, String text) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid profile changed by {@code edit}, written to {@code dir}. */
    static Path variant(Path dir, Consumer<ObjectNode> edit) {
        ObjectNode root = valid();
        edit.accept(root);
        return write(dir, "profile.json", root);
    }
}
