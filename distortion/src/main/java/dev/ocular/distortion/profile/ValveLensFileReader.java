package dev.ocular.distortion.profile;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the lens part of a Valve per-unit HMD JSON file (Vive, Vive Pro, Index), as SteamVR stores it and as Monado's
 * {@code vive_config.c} parses it. Other fields of such files (IMU, lighthouse, …) are ignored.
 *
 * <p>The subset read:
 * <ul>
 *   <li>{@code device.eye_target_width_in_pixels}, {@code device.eye_target_height_in_pixels}: one eye's viewport;</li>
 *   <li>{@code tracking_to_eye_transform}: two entries, left then right, each with
 *     <ul>
 *       <li>{@code distortion} (green), optional {@code distortion_red} and {@code distortion_blue} (default: green's):
 *           {@code center_x}, {@code center_y}, {@code type} ({@code DISTORT_DPOLY3} or {@code DISTORT_POLY3}) and
 *           {@code coeffs} (at least three numbers; the first three are used, Valve pads to eight);</li>
 *       <li>{@code intrinsics}: 3×3 matrix, {@code [0][0]} and {@code [1][1]} are the focal lengths;</li>
 *       <li>{@code grow_for_undistort} (default 0.6) and {@code undistort_r2_cutoff} (default 1.5), the defaults
 *           Valve's documentation recommends.</li>
 *     </ul></li>
 *   <li>{@code device_serial_number} or {@code model_number}, optional, for the display name.</li>
 * </ul>
 * Geometry and field of view follow {@link ValveLensGeometry}.
 */
final class ValveLensFileReader {
    static final String MARKER = "tracking_to_eye_transform";
    private static final double DEFAULT_GROW = 0.6;
    private static final double DEFAULT_R2_CUTOFF = 1.5;

    private ValveLensFileReader() {
    }

    static LensProfile read(ProfileSource source, String name, JsonCursor root) {
        JsonCursor device = root.field("device");
        int width = device.field("eye_target_width_in_pixels")
                .integerIn(OcularProfileReader.MIN_PANEL_PX, OcularProfileReader.MAX_PANEL_PX / 2);
        int height = device.field("eye_target_height_in_pixels")
                .integerIn(OcularProfileReader.MIN_PANEL_PX, OcularProfileReader.MAX_PANEL_PX);
        List<JsonCursor> eyes = root.field(MARKER).elements(2, 2);
        EyeProfile[] parsed = new EyeProfile[2];
        String[] paths = new String[2];
        for (Eye eye : Eye.values()) {
            JsonCursor cursor = eyes.get(eye.ordinal());
            parsed[eye.ordinal()] = readEye(eye, cursor, width, height);
            paths[eye.ordinal()] = cursor.path();
        }
        String unit = root.has("device_serial_number") ? root.field("device_serial_number").text()
                : root.has("model_number") ? root.field("model_number").text() : name;
        LensProfile profile = new LensProfile(name, "Valve per-unit lens file (" + unit + ")",
                "Valve HMD JSON tracking_to_eye_transform", source.name(), 2 * width, height, parsed[0], parsed[1]);
        return ProfileChecks.check(profile, paths);
    }

    private static EyeProfile readEye(Eye eye, JsonCursor cursor, int width, int height) {
        JsonCursor green = cursor.field("distortion");
        JsonCursor red = cursor.optionalField("distortion_red").orElse(green);
        JsonCursor blue = cursor.optionalField("distortion_blue").orElse(green);
        JsonCursor[] blocks = {red, green, blue};
        double[][] centers = new double[3][];
        double[][] coeffs = new double[3][];
        String form = null;
        for (int c = 0; c < 3; c++) {
            JsonCursor typeField = blocks[c].field("type");
            String type = typeField.text();
            String channelForm = switch (type) {
                case "DISTORT_DPOLY3" -> "dpoly3";
                case "DISTORT_POLY3" -> "poly3";
                default -> throw typeField.error("unsupported distortion type \"" + type
                        + "\" (supported: DISTORT_DPOLY3, DISTORT_POLY3)");
            };
            if (form != null && !form.equals(channelForm)) {
                throw typeField.error("all channels of an eye must use the same distortion type");
            }
            form = channelForm;
            centers[c] = new double[] {blocks[c].field("center_x").numberIn(-2.0, 2.0),
                blocks[c].field("center_y").numberIn(-2.0, 2.0)};
            double[] all = blocks[c].field("coeffs").numbers(3, 16);
            coeffs[c] = new double[] {all[0], all[1], all[2]};
        }
        List<JsonCursor> rows = cursor.field("intrinsics").elements(3, 3);
        double fx = rows.get(0).elements(3, 3).get(0).positive();
        double fy = rows.get(1).elements(3, 3).get(1).positive();
        for (JsonCursor row : rows) {
            row.numbers(3, 3);
        }
        double[] focal = {fx, fy};
        double grow = cursor.has("grow_for_undistort")
                ? cursor.field("grow_for_undistort").numberIn(0.0, 4.0) : DEFAULT_GROW;
        double cutoff = cursor.has("undistort_r2_cutoff")
                ? cursor.field("undistort_r2_cutoff").positive() : DEFAULT_R2_CUTOFF;
        LensModel model;
        Fov fov;
        try {
            model = ValveLensGeometry.model(form, focal, cutoff, centers, coeffs, width, height);
            fov = ValveLensGeometry.fov(grow, focal, centers[1], width, height);
        } catch (IllegalArgumentException e) {
            throw cursor.error(String.format(Locale.ROOT, "unusable lens numbers: %s", e.getMessage()));
        }
        return new EyeProfile(eye, eye == Eye.LEFT ? 0 : width, width, height, fov, Optional.empty(), model);
    }
}
