package dev.ocular.distortion.profile;

import dev.ocular.distortion.EllipseMask;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import java.util.Optional;
import java.util.Set;

/**
 * Reads ocular's own profile format ({@code "format": "ocular-lens-profile"}, version 1), documented field by field in
 * {@code distortion/README.md}.
 */
final class OcularProfileReader {
    static final String FORMAT = "ocular-lens-profile";
    /** Panel limits: below, not a display; above, a units mistake (and more memory than a mask should take). */
    static final int MIN_PANEL_PX = 16;
    static final int MAX_PANEL_PX = 16384;

    private OcularProfileReader() {
    }

    static LensProfile read(ProfileSource source, JsonCursor root) {
        root.requireOnlyFields(Set.of("format", "version", "name", "display_name", "source", "panel", "eyes"));
        JsonCursor format = root.field("format");
        if (!FORMAT.equals(format.text())) {
            throw format.error("expected \"" + FORMAT + "\"");
        }
        root.field("version").integerIn(1, 1);
        String name = root.field("name").text();
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw root.field("name").error("a profile name is 1-64 characters of a-z, 0-9, '.', '_', '-'");
        }
        String displayName = root.has("display_name") ? root.field("display_name").text() : name;
        String sourceNote = root.has("source") ? root.field("source").text() : "";
        JsonCursor panel = root.field("panel").requireOnlyFields(Set.of("width_px", "height_px"));
        JsonCursor widthField = panel.field("width_px");
        int width = widthField.integerIn(2 * MIN_PANEL_PX, MAX_PANEL_PX);
        if (width % 2 != 0) {
            throw widthField.error(width + " is odd; the panel is split into two equal eye viewports");
        }
        int height = panel.field("height_px").integerIn(MIN_PANEL_PX, MAX_PANEL_PX);
        JsonCursor eyes = root.field("eyes").requireOnlyFields(Set.of("left", "right"));
        EyeProfile[] parsed = new EyeProfile[2];
        String[] lensPaths = new String[2];
        for (Eye eye : Eye.values()) {
            JsonCursor eyeCursor = eyes.field(eye.jsonName());
            parsed[eye.ordinal()] = readEye(source, eye, eyeCursor, width / 2, height);
            lensPaths[eye.ordinal()] = eyeCursor.field("lens").path();
        }
        LensProfile profile = new LensProfile(name, displayName, sourceNote, source.name(), width, height,
                parsed[0], parsed[1]);
        return ProfileChecks.check(profile, lensPaths);
    }

    private static EyeProfile readEye(ProfileSource source, Eye eye, JsonCursor cursor, int width, int height) {
        cursor.requireOnlyFields(Set.of("fov_deg", "mask", "lens"));
        Fov fov = readFov(cursor.field("fov_deg"));
        Optional<EllipseMask> mask = cursor.optionalField("mask").map(OcularProfileReader::readMask);
        LensModel model = new LensModelReader(source, width, height).read(cursor.field("lens"));
        return new EyeProfile(eye, eye == Eye.LEFT ? 0 : width, width, height, fov, mask, model);
    }

    static Fov readFov(JsonCursor cursor) {
        cursor.requireOnlyFields(Set.of("left", "right", "up", "down"));
        // ±89° itself is refined by the Fov constructor (which excludes it); here the field gets its own path.
        double left = cursor.field("left").numberIn(-Fov.LIMIT_DEG, Fov.LIMIT_DEG);
        double right = cursor.field("right").numberIn(-Fov.LIMIT_DEG, Fov.LIMIT_DEG);
        double up = cursor.field("up").numberIn(-Fov.LIMIT_DEG, Fov.LIMIT_DEG);
        double down = cursor.field("down").numberIn(-Fov.LIMIT_DEG, Fov.LIMIT_DEG);
        try {
            return new Fov(left, right, up, down);
        } catch (IllegalArgumentException e) {
            throw cursor.error(e.getMessage());
        }
    }

    private static EllipseMask readMask(JsonCursor cursor) {
        cursor.requireOnlyFields(Set.of("shape", "center_tan", "radius_tan"));
        JsonCursor shape = cursor.field("shape");
        double[] center = cursor.has("center_tan") ? cursor.field("center_tan").numbers(2, 2) : new double[2];
        JsonCursor radiusField = cursor.field("radius_tan");
        double[] radius = switch (shape.text()) {
            case "circle" -> {
                double r = radiusField.positive();
                yield new double[] {r, r};
            }
            case "ellipse" -> radiusField.positivePair();
            default -> throw shape.error("unknown mask shape \"" + shape.text() + "\" (known: circle, ellipse)");
        };
        return new EllipseMask(center[0], center[1], radius[0], radius[1]);
    }
}
