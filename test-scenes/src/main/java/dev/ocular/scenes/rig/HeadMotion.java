package dev.ocular.scenes.rig;

/**
 * The scripted head movements scenes are recorded with, each stressing temporal upscalers differently. Peak rates are
 * for the canonical amplitude; a path's seed scales amplitudes by up to +25 % and shifts phases.
 */
public enum HeadMotion {
    /** Head still: only jitter and object animation change. */
    STATIC("static", "head still"),
    /** Slow sinusoidal yaw, ±20° over 8 s (peak ≈ 16°/s): reading, looking around. */
    SLOW_PAN("slow-pan", "slow yaw ±20° over 8 s"),
    /** Quick head shake, ±35° with a 0.6 s period: peak ≥ 366°/s, beyond what reprojection hides. */
    FAST_YAW("fast-yaw", "head shake ±35° at 0.6 s period, peak ≥ 300°/s"),
    /** Lateral sway ±0.4 m and a step forward and back: parallax and disocclusion from translation. */
    TRANSLATION("translation", "sway ±0.4 m sideways and 0.6 m forward-back"),
    /** Pitch ±15° with a 1.2 s period: vertical motion. */
    NOD("nod", "pitch ±15° at 1.2 s period"),
    /** Slow pan with a teleport (position and heading jump) every second: history must be reset at each cut. */
    TELEPORT("teleport", "slow pan with a recenter/teleport cut every 1 s");

    private final String id;
    private final String description;

    HeadMotion(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** By id ({@code fast-yaw}) or enum name ({@code FAST_YAW}), case-insensitive. */
    public static HeadMotion parse(String text) {
        for (HeadMotion m : values()) {
            if (m.id.equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown head motion '" + text + "' (known: "
                + java.util.Arrays.stream(values()).map(HeadMotion::id).toList() + ")");
    }
}
