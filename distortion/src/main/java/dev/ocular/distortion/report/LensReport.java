package dev.ocular.distortion.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Accuracy report of one profile, the data behind {@code ocular lens report}. Every error is in panel pixels over the
 * visible area of the eye and is given per channel; key names say what they are. Serialise with
 * {@link ReportWriter#toJson}.
 *
 * @param profile profile name
 * @param displayName human-readable name
 * @param origin file or built-in the profile came from
 * @param source where the profile's numbers come from
 * @param panelWidthPx whole panel width
 * @param panelHeightPx panel height
 * @param budget the limits checked
 * @param withinBudget whether every eye and channel meets every limit
 * @param eyes left then right
 */
@JsonPropertyOrder({"profile", "display_name", "origin", "source", "panel_width_px", "panel_height_px", "budget",
    "within_budget", "eyes"})
public record LensReport(
        @JsonProperty("profile") String profile,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("origin") String origin,
        @JsonProperty("source") String source,
        @JsonProperty("panel_width_px") int panelWidthPx,
        @JsonProperty("panel_height_px") int panelHeightPx,
        @JsonProperty("budget") Budget budget,
        @JsonProperty("within_budget") boolean withinBudget,
        @JsonProperty("eyes") List<EyeReport> eyes) {

    /** The limits a profile is held to. */
    @JsonPropertyOrder({"round_trip_max_px", "mesh_max_px", "mesh_mean_px"})
    public record Budget(
            @JsonProperty("round_trip_max_px") double roundTripMaxPx,
            @JsonProperty("mesh_max_px") double meshMaxPx,
            @JsonProperty("mesh_mean_px") double meshMeanPx) {
    }

    /** Field of view in degrees, OpenXR signs (left and down negative). */
    @JsonPropertyOrder({"left", "right", "up", "down"})
    public record FovDeg(
            @JsonProperty("left") double left,
            @JsonProperty("right") double right,
            @JsonProperty("up") double up,
            @JsonProperty("down") double down) {
    }

    /**
     * One eye.
     *
     * @param meshDensitiesRejected coarser meshes tried first that missed the budget, as "CELLSXxCELLSY"
     */
    @JsonPropertyOrder({"eye", "lens_model", "viewport_width_px", "viewport_height_px", "fov_deg",
        "fov_horizontal_deg", "fov_vertical_deg", "visible_fraction", "visible_pixels", "mesh_cells_x",
        "mesh_cells_y", "mesh_vertices", "mesh_densities_rejected", "channels"})
    public record EyeReport(
            @JsonProperty("eye") String eye,
            @JsonProperty("lens_model") String lensModel,
            @JsonProperty("viewport_width_px") int viewportWidthPx,
            @JsonProperty("viewport_height_px") int viewportHeightPx,
            @JsonProperty("fov_deg") FovDeg fovDeg,
            @JsonProperty("fov_horizontal_deg") double fovHorizontalDeg,
            @JsonProperty("fov_vertical_deg") double fovVerticalDeg,
            @JsonProperty("visible_fraction") double visibleFraction,
            @JsonProperty("visible_pixels") int visiblePixels,
            @JsonProperty("mesh_cells_x") int meshCellsX,
            @JsonProperty("mesh_cells_y") int meshCellsY,
            @JsonProperty("mesh_vertices") int meshVertices,
            @JsonProperty("mesh_densities_rejected") List<String> meshDensitiesRejected,
            @JsonProperty("channels") List<ChannelReport> channels) {
    }

    /**
     * One channel of one eye.
     *
     * @param roundTripMaxPx max over visible pixel centres p of |renderToPanel(panelToRender(p)) − p|
     * @param roundTripRenderMaxTan max of |panelToRender(renderToPanel(t)) − t| for t = panelToRender(p), in tangent
     *     units (the other composition, measured in render space)
     * @param roundTripFailures visible pixels whose inverse found no solution (counted into the max as infinite)
     * @param meshMaxPx largest error of the mesh, bilinear interpolation
     * @param meshMeanPx mean error of the mesh, bilinear interpolation
     * @param meshTrianglesMaxPx largest error with the mesh drawn as triangles
     * @param meshTrianglesMeanPx mean error with the mesh drawn as triangles
     */
    @JsonPropertyOrder({"channel", "round_trip_max_px", "round_trip_render_max_tan", "round_trip_failures",
        "mesh_max_px", "mesh_mean_px", "mesh_triangles_max_px", "mesh_triangles_mean_px"})
    public record ChannelReport(
            @JsonProperty("channel") String channel,
            @JsonProperty("round_trip_max_px") double roundTripMaxPx,
            @JsonProperty("round_trip_render_max_tan") double roundTripRenderMaxTan,
            @JsonProperty("round_trip_failures") long roundTripFailures,
            @JsonProperty("mesh_max_px") double meshMaxPx,
            @JsonProperty("mesh_mean_px") double meshMeanPx,
            @JsonProperty("mesh_triangles_max_px") double meshTrianglesMaxPx,
            @JsonProperty("mesh_triangles_mean_px") double meshTrianglesMeanPx) {
    }
}
