package dev.ocular.distortion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.profile.ProfileSummary;
import dev.ocular.distortion.testing.TestLenses;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void reportKeysSayWhatTheyAre() throws IOException {
        LensProfile profile = TestLenses.dk1Like(96, 120);
        LensReport report = new LensReporter(MeshBudget.DEFAULT).report(profile);
        JsonNode json = MAPPER.readTree(new ReportWriter().toJson(report));
        assertEquals("dk1-like", json.get("profile").asText());
        assertEquals(0.01, json.get("budget").get("round_trip_max_px").asDouble());
        assertEquals(0.25, json.get("budget").get("mesh_max_px").asDouble());
        assertEquals(0.05, json.get("budget").get("mesh_mean_px").asDouble());
        JsonNode left = json.get("eyes").get(0);
        assertEquals("left", left.get("eye").asText());
        for (String key : List.of("lens_model", "fov_deg", "fov_horizontal_deg", "fov_vertical_deg",
                "visible_fraction", "visible_pixels", "mesh_cells_x", "mesh_cells_y", "mesh_vertices")) {
            assertTrue(left.has(key), key);
        }
        assertEquals(left.get("mesh_cells_x").asInt(), report.eyes().get(0).meshCellsX());
        JsonNode red = left.get("channels").get(0);
        assertEquals("red", red.get("channel").asText());
        for (String key : List.of("round_trip_max_px", "mesh_max_px", "mesh_mean_px", "mesh_triangles_max_px",
                "mesh_triangles_mean_px", "round_trip_failures")) {
            assertTrue(red.get(key).isNumber(), key);
        }
        assertEquals(report.eyes().get(0).channels().get(0).meshMeanPx(), red.get("mesh_mean_px").asDouble());
    }

    @Test
    void reportDirectoryGetsJsonAndGridPng() throws IOException {
        LensProfile profile = TestLenses.dk1Like(96, 120);
        LensReport report = new LensReporter(MeshBudget.DEFAULT).report(profile);
        List<Path> written = new ReportWriter().write(profile, report, dir.resolve("reports"));
        assertEquals(List.of(dir.resolve("reports/dk1-like-report.json"), dir.resolve("reports/dk1-like-grid.png")),
                written);
        assertEquals("dk1-like", MAPPER.readTree(written.get(0).toFile()).get("profile").asText());
        BufferedImage png = ImageIO.read(written.get(1).toFile());
        assertEquals(192, png.getWidth());
        assertEquals(120, png.getHeight());
        // Hidden corners are black; the lens centre region shows grid lines or background, not black.
        assertEquals(0, png.getRGB(0, 0) & 0xFFFFFF);
        assertTrue((png.getRGB(55, 60) & 0xFF) > 10);
        try (var files = Files.list(dir.resolve("reports"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void listSummariesSerialise() throws IOException {
        LensProfiles profiles = new LensProfiles();
        assertEquals(List.of("rift-dk1", "rift-dk2", "rift-cv1", "vive", "psvr", "cardboard-v1", "cardboard-v2",
                "oculus-mobile-atw", "valve-index-sample"), profiles.builtinNames());
        ProfileSummary summary = ProfileSummary.of(profiles.builtin("psvr"));
        JsonNode json = MAPPER.readTree(new ReportWriter().toJson(List.of(summary)));
        assertEquals("psvr", json.get(0).get("name").asText());
        assertEquals(1920, json.get(0).get("panel_width_px").asInt());
        assertEquals("panotools", json.get(0).get("lens_model").asText());
        assertEquals(85.0, json.get(0).get("fov_horizontal_deg").asDouble(), 1e-9);
    }

    @Test
    void resolveAcceptsNamesPrefixedNamesAndFiles() throws IOException {
        LensProfiles profiles = new LensProfiles();
        assertEquals("vive", profiles.resolve("vive").name());
        assertEquals("vive", profiles.resolve("builtin:vive").name());
        Path copy = dir.resolve("my-headset.json");
        try (var in = getClass().getClassLoader().getResourceAsStream("dev/ocular/distortion/profiles/psvr.json")) {
            Files.copy(in, copy);
        }
        assertEquals(copy.toString(), profiles.resolve(copy.toString()).origin());
    }
}
