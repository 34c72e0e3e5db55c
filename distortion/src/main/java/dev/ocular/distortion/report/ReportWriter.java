package dev.ocular.distortion.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.io.PngWriter;
import dev.ocular.gpu.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Serialises reports as JSON and writes {@code ocular lens report --out DIR}'s files, each atomically:
 * {@code NAME-report.json} and {@code NAME-grid.png} (the grid chart through the lens, see
 * {@link LensReporter#gridThroughLens}).
 */
public final class ReportWriter {
    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Pretty-printed JSON of any report data object of this module. */
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data could not be serialised: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A Markdown table of reports, one row per profile, eye and channel: mesh size, visible fraction, field of view,
     * round-trip max and mesh max/mean errors (bilinear and triangles), in panel pixels.
     */
    public String markdown(List<LensReport> reports) {
        StringBuilder out = new StringBuilder();
        out.append("| profile | eye | ch | mesh cells | visible | FOV h×v (°) | round-trip max (px) | mesh max (px) ")
                .append("| mesh mean (px) | triangles max (px) | triangles mean (px) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LensReport report : reports) {
            for (LensReport.EyeReport eye : report.eyes()) {
                for (LensReport.ChannelReport ch : eye.channels()) {
                    out.append(String.format(Locale.ROOT,
                            "| %s | %s | %s | %d×%d | %.3f | %.1f×%.1f | %.1e | %.3f | %.4f | %.3f | %.4f |\n",
                            report.profile(), eye.eye(), ch.channel().substring(0, 1), eye.meshCellsX(),
                            eye.meshCellsY(), eye.visibleFraction(), eye.fovHorizontalDeg(), eye.fovVerticalDeg(),
                            ch.roundTripMaxPx(), ch.meshMaxPx(), ch.meshMeanPx(), ch.meshTrianglesMaxPx(),
                            ch.meshTrianglesMeanPx()));
                }
            }
        }
        return out.toString();
    }

    /** Writes the JSON report and the grid PNG of {@code profile} into {@code directory}; returns the two paths. */
    public List<Path> write(LensProfile profile, LensReport report, Path directory) throws IOException {
        Path json = directory.resolve(profile.name() + "-report.json");
        Path png = directory.resolve(profile.name() + "-grid.png");
        byte[] bytes = toJson(report).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(json, out -> out.write(bytes));
        PngWriter.write(LensReporter.gridThroughLens(profile), png);
        return List.of(json, png);
    }
}
