package dev.ocular.compositor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.report.PointsCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ocular lens list|eval|report} run in-process, output captured. */
class LensCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small valid profile (320×160 panel, Cardboard-like lens) so reports take well under a second. */
    static final String TINY_PROFILE = """
            {"format": "ocular-lens-profile", "version": 1, "name": "tiny", "display_name": "Tiny test headset",
             "panel": {"width_px": 320, "height_px": 160},
             "eyes": {
               "left":  {"fov_deg": {"left": -40, "right": 40, "up": 40, "down": -40},
                         "lens": {"model": "radial_polynomial", "center_px": [70, 80], "focal_px": [120, 120],
                                  "k": [0.441, 0.156], "chroma_scale": [0.99, 1.0, 1.01]}},
               "right": {"fov_deg": {"left": -40, "right": 40, "up": 40, "down": -40},
                         "lens": {"model": "radial_polynomial", "center_px": [90, 80], "focal_px": [120, 120],
                                  "k": [0.441, 0.156], "chroma_scale": [0.99, 1.0, 1.01]}}}}
            """;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        /** The lines Main's error handler prints. */
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("ocular:")).toList();
        }
    }

    static Result ocular(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void listShowsEveryBuiltin() {
        Result r = ocular("lens", "list");
        assertEquals(0, r.exit(), r.err());
        List<String> names = new LensProfiles().builtinNames();
        assertEquals(names.size() + 1, r.out().lines().count(), r.out());
        for (String name : names) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + r.out());
        }
        assertTrue(r.out().contains("panotools") && r.out().contains("1280×800"), r.out());
    }

    @Test
    void listAsJson() throws IOException {
        Result r = ocular("lens", "list", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals(new LensProfiles().builtinNames().size(), list.size());
        JsonNode dk1 = list.get(0);
        assertEquals("rift-dk1", dk1.get("name").asText());
        assertEquals(1280, dk1.get("panel_width_px").asInt());
        assertEquals("panotools", dk1.get("lens_model").asText());
        assertTrue(dk1.get("fov_horizontal_deg").asDouble() > 60, dk1.toString());
    }

    @Test
    void evalMapsEachPointPerChannel() throws IOException {
        Path points = write("points.csv", "x,y\n# centre-ish and a corner\n320.5,400.5\n100,100\n");
        Result r = ocular("lens", "eval", "--profile", "rift-dk1", "--eye", "right", "--points", points.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(PointsCsv.OUTPUT_HEADER, lines.get(0));
        assertEquals(3, lines.size(), r.out());
        LensProfile dk1 = new LensProfiles().builtin("rift-dk1");
        String[] row = lines.get(2).split(",");
        assertEquals("4", row[0], "input line number");
        Vector2d expected = new Vector2d();
        for (Channel channel : Channel.values()) {
            dk1.eye(Eye.RIGHT).model().panelToRender(channel, 100, 100, expected);
            assertEquals(expected.x, Double.parseDouble(row[3 + 2 * channel.ordinal()]), 0.0, channel.jsonName());
            assertEquals(expected.y, Double.parseDouble(row[4 + 2 * channel.ordinal()]), 0.0, channel.jsonName());
        }
        assertEquals("true", lines.get(1).split(",")[9], "the lens centre region is visible");
    }

    @Test
    void evalInverseUndoesForwardAsJson() throws IOException {
        Path panel = write("panel.csv", "200.25,350.75\n410,380\n");
        JsonNode forward = JSON.readTree(ocular("lens", "eval", "--profile", "valve-index-sample", "--eye", "left",
                "--points", panel.toString(), "--json").out());
        StringBuilder tangents = new StringBuilder();
        for (JsonNode point : forward) {
            JsonNode green = point.get("green");
            tangents.append(green.get("x").asDouble()).append(',').append(green.get("y").asDouble()).append('\n');
        }
        Result r = ocular("lens", "eval", "--profile", "valve-index-sample", "--eye", "left", "--points",
                write("render.csv", tangents.toString()).toString(), "--inverse", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode back = JSON.readTree(r.out());
        assertEquals(2, back.size());
        double[][] expected = {{200.25, 350.75}, {410, 380}};
        for (int i = 0; i < 2; i++) {
            JsonNode green = back.get(i).get("green");
            assertTrue(green.get("solved").asBoolean());
            assertArrayEquals(expected[i], new double[] {green.get("x").asDouble(), green.get("y").asDouble()},
                    1e-6);
        }
    }

    @Test
    void reportAsJsonWithFiles() throws IOException {
        Path profile = write("tiny.json", TINY_PROFILE);
        Path out = dir.resolve("reports/tiny");
        Result r = ocular("lens", "report", "--profile", profile.toString(), "--json", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals("tiny", report.get("profile").asText());
        assertTrue(report.get("within_budget").asBoolean(), r.out());
        JsonNode left = report.get("eyes").get(0);
        assertTrue(left.get("mesh_cells_x").asInt() > 0 && left.get("visible_fraction").asDouble() > 0.5);
        for (JsonNode channel : left.get("channels")) {
            assertTrue(channel.get("round_trip_max_px").asDouble() < 0.01, channel.toString());
            assertTrue(channel.get("mesh_max_px").asDouble() < 0.25, channel.toString());
            assertTrue(channel.get("mesh_mean_px").asDouble() < 0.05, channel.toString());
        }
        for (String name : LensReportCommand.outputNames("tiny")) {
            assertTrue(Files.size(out.resolve(name)) > 100, name);
            assertTrue(r.err().contains(out.resolve(name).toString()), "written files are named on stderr");
        }
        byte[] png = Files.readAllBytes(out.resolve("tiny-grid.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(report, JSON.readTree(out.resolve("tiny-report.json").toFile()), "file = printed report");
    }

    @Test
    void reportAsText() throws IOException {
        Result r = ocular("lens", "report", "--profile", write("tiny.json", TINY_PROFILE).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("tiny (Tiny test headset), panel 320×160"), r.out());
        assertTrue(r.out().contains(": met"), r.out());
        assertTrue(r.out().contains("left eye: radial_polynomial") && r.out().contains("right eye:"), r.out());
        assertEquals(2 * 3, r.out().lines().filter(l -> l.matches("\\s+(red|green|blue)\\s.*px")).count(), r.out());
        assertFalse(r.out().contains("wrote"), "no files without --out");
    }

    // ---- bad input: one line on stderr, exit 2 ----

    private static void assertBadInput(Result r, String... mentions) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        for (String mention : mentions) {
            assertTrue(r.errorLines().get(0).contains(mention), "'" + mention + "' in " + r.errorLines().get(0));
        }
    }

    @Test
    void unknownProfileIsBadInput() {
        assertBadInput(ocular("lens", "report", "--profile", "no-such-headset"), "no-such-headset");
        assertBadInput(ocular("lens", "report", "--profile", "builtin:nope"), "builtin:nope", "rift-dk1");
    }

    @Test
    void malformedProfileFileIsBadInput() throws IOException {
        Path broken = write("broken.json", "{\"format\": \"ocular-lens-profile\", \"version\": 1,");
        assertBadInput(ocular("lens", "report", "--profile", broken.toString()), broken.toString(), "malformed");
        Path nan = write("nan.json", TINY_PROFILE.replace("0.441", "NaN"));
        assertBadInput(ocular("lens", "eval", "--profile", nan.toString(), "--eye", "left", "--points",
                write("p.csv", "1,2\n").toString()), "eyes.left.lens.k[0]");
    }

    @Test
    void badPointsFileIsBadInput() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertBadInput(ocular("lens", "eval", "--profile", "vive", "--eye", "left", "--points", missing.toString()),
                missing.toString(), "no such file");
        Path text = write("text.csv", "1,2\n3,four\n");
        assertBadInput(ocular("lens", "eval", "--profile", "vive", "--eye", "left", "--points", text.toString()),
                "line 2, column 2", "four");
    }

    @Test
    void unknownEyeIsBadInput() throws IOException {
        assertBadInput(ocular("lens", "eval", "--profile", "vive", "--eye", "middle", "--points",
                write("p.csv", "1,2\n").toString()), "--eye", "middle");
    }

    @Test
    void outputDirectoryThatIsAFileIsBadInput() throws IOException {
        Path file = write("taken", "not a directory");
        assertBadInput(ocular("lens", "report", "--profile", write("tiny.json", TINY_PROFILE).toString(), "--out",
                file.toString()), file.toString());
    }

    @Test
    void missingSubcommandOrOptionExits2WithUsage() {
        Result none = ocular("lens");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("Usage: ocular lens"), none.err());
        Result noProfile = ocular("lens", "report");
        assertEquals(2, noProfile.exit());
        assertTrue(noProfile.err().contains("--profile"), noProfile.err());
    }
}
