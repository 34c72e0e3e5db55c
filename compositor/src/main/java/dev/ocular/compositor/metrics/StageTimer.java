package dev.ocular.compositor.metrics;

import dev.ocular.gpu.CommandBuffer;

/** Brackets GPU work of one eye and stage with timestamps. {@link #NONE} records nothing. */
public interface StageTimer {
    StageTimer NONE = new StageTimer() {
        @Override
        public void begin(CommandBuffer cb, int eye, String stage) {
        }

        @Override
        public void end(CommandBuffer cb, int eye, String stage) {
        }
    };

    void begin(CommandBuffer cb, int eye, String stage);

    void end(CommandBuffer cb, int eye, String stage);
}
