package dev.ocular.distortion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A headset's lens description: panel size, and for each eye its viewport, field of view, mask and lens model. Built by
 * {@link dev.ocular.distortion.profile.LensProfiles} from a profile file after validation; visibility of every panel
 * pixel is computed once here because meshes, reports and the distortion pass all need it.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class LensProfile {
    private final String name;
    private final String displayName;
    private final String source;
    private final String origin;
    private final int panelWidthPx;
    private final int panelHeightPx;
    private final Map<Eye, EyeProfile> eyes;
    private final Map<Eye, PanelVisibility> visibility;

    /**
     * @param name short identifier, e.g. {@code rift-dk1}
     * @param displayName human-readable name
     * @param source where the numbers come from
     * @param origin the file (or {@code builtin:NAME}) the profile was read from
     */
    public LensProfile(String name, String displayName, String source, String origin, int panelWidthPx,
                       int panelHeightPx, EyeProfile left, EyeProfile right) {
        if (left.eye() != Eye.LEFT || right.eye() != Eye.RIGHT) {
            throw new IllegalArgumentException("eye profiles passed in the wrong order");
        }
        this.name = name;
        this.displayName = displayName;
        this.source = source;
        this.origin = origin;
        this.panelWidthPx = panelWidthPx;
        this.panelHeightPx = panelHeightPx;
        this.eyes = new EnumMap<>(Map.of(Eye.LEFT, left, Eye.RIGHT, right));
        this.visibility = new EnumMap<>(Eye.class);
        for (EyeProfile eye : List.of(left, right)) {
            visibility.put(eye.eye(), PanelVisibility.compute(eye));
        }
    }

    /**
     * The same headset with each eye's viewport resampled to {@code eyeWidthPx} × {@code eyeHeightPx} pixels: every
     * lens maps the same fraction of its viewport to the same direction, fields of view and masks are unchanged (see
     * {@link LensModel#scaledPanel}). Small versions of real profiles keep GPU tests and previews fast while
     * exercising the real coefficients.
     */
    public LensProfile resized(int eyeWidthPx, int eyeHeightPx) {
        if (eyeWidthPx < 1 || eyeHeightPx < 1) {
            throw new IllegalArgumentException("eye viewport must be at least 1×1, got " + eyeWidthPx + "×"
                    + eyeHeightPx);
        }
        EyeProfile[] scaled = new EyeProfile[2];
        for (Eye eye : Eye.values()) {
            EyeProfile e = eyes.get(eye);
            double scaleX = (double) eyeWidthPx / e.widthPx();
            double scaleY = (double) eyeHeightPx / e.heightPx();
            scaled[eye.ordinal()] = new EyeProfile(eye, eye == Eye.LEFT ? 0 : eyeWidthPx, eyeWidthPx, eyeHeightPx,
                    e.fov(), e.mask(), e.model().scaledPanel(scaleX, scaleY, eyeWidthPx, eyeHeightPx));
        }
        return new LensProfile(name, displayName, source, origin + " resized to " + eyeWidthPx + "×" + eyeHeightPx
                + " per eye", 2 * eyeWidthPx, eyeHeightPx, scaled[0], scaled[1]);
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public String source() {
        return source;
    }

    /** The file or {@code builtin:NAME} this profile came from, for messages. */
    public String origin() {
        return origin;
    }

    public int panelWidthPx() {
        return panelWidthPx;
    }

    public int panelHeightPx() {
        return panelHeightPx;
    }

    public EyeProfile eye(Eye eye) {
        return eyes.get(eye);
    }

    public PanelVisibility visibility(Eye eye) {
        return visibility.get(eye);
    }
}
