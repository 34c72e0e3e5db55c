package dev.ocular.compositor.report;

import java.util.List;

/**
 * The values a tester may choose per eye and for the headset, as the running compositor defines them: the sweep
 * parser and the service validate against this, and the dashboard fills its menus from it.
 *
 * @param presets preset names (native, quality, balanced, performance, ultra…)
 * @param methods reconstruction method names (vrnet, taau, bicubic…)
 * @param lensProfiles lens profile names the panel sink can apply
 * @param sharpeningMin smallest sharpening strength accepted
 * @param sharpeningMax largest sharpening strength accepted
 * @param scenes scene names (sweeps may vary the scene; empty when the caller does not offer that)
 */
public record TuningOptions(List<String> presets, List<String> methods, List<String> lensProfiles,
        double sharpeningMin, double sharpeningMax, List<String> scenes) {
    public TuningOptions {
        presets = List.copyOf(presets);
        methods = List.copyOf(methods);
        lensProfiles = List.copyOf(lensProfiles);
        scenes = List.copyOf(scenes);
        if (presets.isEmpty() || methods.isEmpty()) {
            throw new IllegalArgumentException("at least one preset and one method are needed");
        }
        if (!(sharpeningMin <= sharpeningMax)) {
            throw new IllegalArgumentException("sharpening range " + sharpeningMin + ".." + sharpeningMax);
        }
    }
}
