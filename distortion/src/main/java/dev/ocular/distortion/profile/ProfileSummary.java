package dev.ocular.distortion.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;

/**
 * One line of {@code ocular lens list}: what a profile is, without computing meshes or errors. Serialises to JSON with
 * the property names shown.
 */
public record ProfileSummary(
        @JsonProperty("name") String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("origin") String origin,
        @JsonProperty("source") String source,
        @JsonProperty("panel_width_px") int panelWidthPx,
        @JsonProperty("panel_height_px") int panelHeightPx,
        @JsonProperty("lens_model") String lensModel,
        @JsonProperty("fov_horizontal_deg") double fovHorizontalDeg,
        @JsonProperty("fov_vertical_deg") double fovVerticalDeg) {

    /** Summarises a loaded profile; the model and field of view are the left eye's. */
    public static ProfileSummary of(LensProfile profile) {
        EyeProfile left = profile.eye(Eye.LEFT);
        return new ProfileSummary(profile.name(), profile.displayName(), profile.origin(), profile.source(),
                profile.panelWidthPx(), profile.panelHeightPx(), left.model().modelName(),
                left.fov().horizontalDeg(), left.fov().verticalDeg());
    }
}
