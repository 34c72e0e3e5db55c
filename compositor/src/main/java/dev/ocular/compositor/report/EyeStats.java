package dev.ocular.compositor.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One eye's GPU timings over a run, µs.
 *
 * @param stages per stage in pipeline order (the FrameLog's stage names)
 * @param gpuTotal sum of the eye's measured stages per frame; frames where no stage ran are left out
 */
public record EyeStats(StereoEye eye, Map<String, Distribution> stages, Distribution gpuTotal) {
    public EyeStats {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }
}
