package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.StereoEye;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration of a sweep.
 *
 * @param index 0-based position in the sweep
 * @param settings axis name ({@code preset}, {@code method.left}…) → value, in axis order
 */
public record SweepPoint(int index, Map<String, String> settings) {
    public SweepPoint {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The value of a per-eye key for one eye: {@code KEY.eye} when swept, else {@code KEY}, else empty. */
    public Optional<String> value(String key, StereoEye eye) {
        String own = settings.get(key + "." + eye.key());
        return Optional.ofNullable(own != null ? own : settings.get(key));
    }

    /** The value of a key that is not per eye, empty when the sweep does not vary it. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** {@code preset=quality method=vrnet}; {@code baseline} for a point with no settings. */
    public String label() {
        if (settings.isEmpty()) {
            return "baseline";
        }
        StringBuilder sb = new StringBuilder();
        settings.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** A directory name for this point's exports: index first so listings sort in sweep order. */
    public String slug() {
        String body = label().replace(' ', '_').replace('=', '-').replaceAll("[^A-Za-z0-9._-]", "-");
        return String.format("%03d_%s", index, body);
    }
}
