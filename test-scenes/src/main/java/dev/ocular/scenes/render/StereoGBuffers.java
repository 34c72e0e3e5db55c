package dev.ocular.scenes.render;

import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.scenes.rig.Eye;
import java.util.Map;
import java.util.Set;

/**
 * One rendered frame on the GPU. The images belong to the {@link SceneRenderer} and stay valid (in
 * SHADER_READ_ONLY_OPTIMAL) until its next render or close; with multiview both eyes share 2-layer images.
 *
 * @param passes GPU time of each pass, in the order recorded: one pass holding both eyes with multiview, else one
 *               pass per eye
 * @param cut    the frame's views jumped: temporal history must be reset
 */
public record StereoGBuffers(long frameIndex, Map<Eye, EyeGBuffer> eyes, boolean multiview, java.util.List<Pass> passes,
        boolean cut) {
    /** GPU time of one render pass over {@code eyes} (both for a multiview pass). */
    public record Pass(Set<Eye> eyes, long gpuNanos) {
    }

    public StereoGBuffers {
        eyes = Map.copyOf(eyes);
        passes = java.util.List.copyOf(passes);
    }

    public EyeGBuffer eye(Eye eye) {
        EyeGBuffer g = eyes.get(eye);
        if (g == null) {
            throw new IllegalArgumentException("eye " + eye.id() + " was not rendered in frame " + frameIndex);
        }
        return g;
    }
}
