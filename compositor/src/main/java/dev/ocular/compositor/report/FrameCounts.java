package dev.ocular.compositor.report;

/**
 * What happened to a run's frames. Missed deadlines and frames shown twice are different notions (conventions.md,
 * "Profiling exports"): a late frame missed its predicted display time; a frame shown twice is the runtime reusing or
 * reprojecting the previous image because the next one came too late, which ocular estimates from the frame cadence.
 *
 * @param frames frames in the log
 * @param late frames flagged late (missed their predicted display time)
 * @param discarded frames the runtime discarded (xrBeginFrame returned XR_FRAME_DISCARDED)
 * @param skipped frames the runtime asked not to render (shouldRender false)
 * @param shownTwiceEstimate frame intervals longer than 1.5 × the predicted display period: at least one refresh
 *        showed the previous (reprojected) image. An estimate: the runtime's own present count is not available
 *        through OpenXR.
 * @param historyResets frames whose temporal history was reset (cut, preset or method change)
 */
public record FrameCounts(int frames, int late, int discarded, int skipped, int shownTwiceEstimate,
        int historyResets) {

    /** Ratio of the interval to the predicted period above which a frame counts as shown twice. */
    public static final double SHOWN_TWICE_FACTOR = 1.5;
}
