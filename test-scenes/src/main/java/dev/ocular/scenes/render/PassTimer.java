package dev.ocular.scenes.render;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.scenes.rig.Eye;
import java.util.Set;

/**
 * Brackets each render pass (one multiview pass for both eyes, or one pass per eye) with the caller's GPU timing, when
 * the caller records the scene into its own command buffer ({@link SceneRenderer#record}).
 */
public interface PassTimer {
    PassTimer NONE = new PassTimer() {
        @Override
        public void begin(CommandBuffer cb, Set<Eye> eyes) {
        }

        @Override
        public void end(CommandBuffer cb, Set<Eye> eyes) {
        }
    };

    void begin(CommandBuffer cb, Set<Eye> eyes);

    void end(CommandBuffer cb, Set<Eye> eyes);
}
