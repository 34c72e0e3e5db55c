package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.StereoEye;
import java.util.List;

/**
 * One parsed {@code --sweep}: a key, the eye it is limited to (null for both eyes, or for keys that are not per
 * eye), and its values in the order given, canonical spelling.
 */
public record SweepAxis(String key, StereoEye eye, List<String> values) {
    public SweepAxis {
        values = List.copyOf(values);
    }

    /** {@code preset} or {@code preset.left}: how the axis is named in labels and in the comparison report. */
    public String name() {
        return eye == null ? key : key + "." + eye.key();
    }
}
