package dev.ocular.scenes.rig;

/**
 * Turns a stream of {@link LiveViews} into {@link StereoFrame}s: each frame's previous views are the views accepted
 * before it. A cut is reported on the first frame, after {@link #recenter()} (the reference space changed), when
 * tracking is lost or regained, and when display time does not advance. Not thread-safe: feed it from the frame loop.
 */
public final class LivePoseTracker {
    private LiveViews last;
    private boolean recenterPending;
    private long frames;
    private long firstDisplayTime;

    /** Marks the next frame as a cut (recenter, teleport, reference-space change, focus regained). */
    public void recenter() {
        recenterPending = true;
    }

    public StereoFrame accept(LiveViews views) {
        boolean cut = last == null || recenterPending || !views.tracked() || !last.tracked()
                || views.displayTimeNanos() <= last.displayTimeNanos();
        if (last == null) {
            firstDisplayTime = views.displayTimeNanos();
        }
        double time = (views.displayTimeNanos() - firstDisplayTime) * 1e-9;
        double previousTime = last == null ? time : (last.displayTimeNanos() - firstDisplayTime) * 1e-9;
        StereoPose current = views.pose();
        StereoFrame frame = new StereoFrame(frames++, time, previousTime, current, cut ? current : last.pose(), cut);
        last = views;
        recenterPending = false;
        return frame;
    }
}
