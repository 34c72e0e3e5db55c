package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.StereoEye;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configurations of a sweep: the cartesian product of its axes, first axis outermost, so {@code --sweep
 * preset=quality,performance --sweep method=vrnet,taau} runs (quality, vrnet), (quality, taau), (performance, vrnet),
 * (performance, taau). No axes give one baseline configuration.
 */
public final class SweepPlan {
    /** More configurations than this is almost always a typo in a spec, and would run for hours. */
    public static final int MAX_CONFIGURATIONS = 1024;

    private final List<SweepAxis> axes;

    private SweepPlan(List<SweepAxis> axes) {
        this.axes = List.copyOf(axes);
    }

    /**
     * Parses {@code --sweep} specs ({@code KEY=V1,V2,…}, KEY optionally {@code KEY.left}/{@code KEY.right} for
     * per-eye keys) against the keys on offer.
     *
     * @throws SweepSpecException on a malformed spec, an unknown key, eye or value, a duplicate value or axis, or
     *         too many configurations
     */
    public static SweepPlan parse(List<String> specs, List<SweepKey> keys) {
        Map<String, SweepKey> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        List<SweepAxis> axes = new ArrayList<>();
        for (String spec : specs) {
            SweepAxis axis = axis(spec, byName);
            checkConflicts(spec, axis, axes);
            axes.add(axis);
        }
        long total = 1;
        for (SweepAxis axis : axes) {
            total *= axis.values().size();
            if (total > MAX_CONFIGURATIONS) {
                throw new SweepSpecException("the sweep has more than " + MAX_CONFIGURATIONS
                        + " configurations; split it into smaller sweeps");
            }
        }
        return new SweepPlan(axes);
    }

    private static SweepAxis axis(String spec, Map<String, SweepKey> keys) {
        String text = spec == null ? "" : spec.strip();
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SweepSpecException(text, "expected KEY=VALUE1,VALUE2,… (keys: " + String.join(", ",
                    keys.keySet()) + ")");
        }
        String keyText = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        int dot = keyText.indexOf('.');
        String keyName = dot < 0 ? keyText : keyText.substring(0, dot);
        SweepKey key = keys.get(keyName);
        if (key == null) {
            throw new SweepSpecException(text, "unknown key '" + keyName + "' (known: " + String.join(", ",
                    keys.keySet()) + ")");
        }
        StereoEye eye = null;
        if (dot >= 0) {
            if (!key.perEye()) {
                throw new SweepSpecException(text, "'" + keyName + "' applies to both eyes; drop '."
                        + keyText.substring(dot + 1) + "'");
            }
            String eyeText = keyText.substring(dot + 1);
            eye = switch (eyeText) {
                case "left" -> StereoEye.LEFT;
                case "right" -> StereoEye.RIGHT;
                default -> throw new SweepSpecException(text, "unknown eye '" + eyeText + "' (left or right)");
            };
        }
        return new SweepAxis(keyName, eye, values(text, key, text.substring(eq + 1)));
    }

    private static List<String> values(String spec, SweepKey key, String list) {
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : list.split(",", -1)) {
            String v = raw.strip();
            if (v.isEmpty()) {
                throw new SweepSpecException(spec, "empty value in the list");
            }
            Optional<String> canonical = key.canonical(v);
            if (canonical.isEmpty()) {
                throw new SweepSpecException(spec, "'" + v + "' is not a " + key.name() + " (expected "
                        + key.describeValues() + ")");
            }
            if (!seen.add(canonical.get())) {
                throw new SweepSpecException(spec, "'" + v + "' is listed twice");
            }
            values.add(canonical.get());
        }
        return values;
    }

    /** Two axes may not set the same thing: {@code preset} twice, or {@code preset} and {@code preset.left}. */
    private static void checkConflicts(String spec, SweepAxis axis, List<SweepAxis> earlier) {
        for (SweepAxis other : earlier) {
            if (!other.key().equals(axis.key())) {
                continue;
            }
            if (other.name().equals(axis.name())) {
                throw new SweepSpecException(spec.strip(), "'" + axis.name() + "' is swept twice; list all values "
                        + "in one --sweep");
            }
            if (other.eye() == null || axis.eye() == null) {
                throw new SweepSpecException(spec.strip(), "'" + axis.name() + "' and '" + other.name()
                        + "' both set the same eye's " + axis.key());
            }
        }
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public int size() {
        int n = 1;
        for (SweepAxis axis : axes) {
            n *= axis.values().size();
        }
        return n;
    }

    /** Every configuration, first axis outermost. */
    public List<SweepPoint> points() {
        int total = size();
        List<SweepPoint> points = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            Map<String, String> settings = new LinkedHashMap<>();
            int rest = index;
            // Mixed-radix digits of the index, last axis fastest.
            int[] digit = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                int radix = axes.get(a).values().size();
                digit[a] = rest % radix;
                rest /= radix;
            }
            for (int a = 0; a < axes.size(); a++) {
                settings.put(axes.get(a).name(), axes.get(a).values().get(digit[a]));
            }
            points.add(new SweepPoint(index, settings));
        }
        return points;
    }
}
