package dev.ocular.compositor.service;

/**
 * Frame counters since the compositor started.
 *
 * @param framesSubmitted frames submitted to the sink (both eyes)
 * @param framesLate frames that missed their predicted display time
 * @param framesDiscarded frames the runtime discarded
 * @param framesSkipped frames the runtime asked not to render
 * @param historyResets frames whose temporal history was reset
 */
public record FrameCounters(long framesSubmitted, long framesLate, long framesDiscarded, long framesSkipped,
        long historyResets) {
}
