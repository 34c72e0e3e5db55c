package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.TuningOptions;
import java.util.ArrayList;
import java.util.List;

/** The sweep keys ocular offers, built from the running build's tuning options. */
public final class SweepKeys {
    public static final String PRESET = "preset";
    public static final String METHOD = "method";
    public static final String SHARPENING = "sharpening";
    public static final String LENS = "lens";
    public static final String SCENE = "scene";

    private SweepKeys() {
    }

    /**
     * {@code preset}, {@code method}, {@code sharpening} (each also per eye as {@code KEY.left}/{@code KEY.right}),
     * and {@code lens} and {@code scene} when the options list any.
     */
    public static List<SweepKey> from(TuningOptions options) {
        List<SweepKey> keys = new ArrayList<>();
        keys.add(SweepKey.choice(PRESET, true, options.presets()));
        keys.add(SweepKey.choice(METHOD, true, options.methods()));
        keys.add(SweepKey.number(SHARPENING, true, options.sharpeningMin(), options.sharpeningMax()));
        if (!options.lensProfiles().isEmpty()) {
            keys.add(SweepKey.choice(LENS, false, options.lensProfiles()));
        }
        if (!options.scenes().isEmpty()) {
            keys.add(SweepKey.choice(SCENE, false, options.scenes()));
        }
        return List.copyOf(keys);
    }
}
