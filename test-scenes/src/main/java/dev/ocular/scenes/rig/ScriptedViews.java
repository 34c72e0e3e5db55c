package dev.ocular.scenes.rig;

/**
 * Frames from a scripted head path: frame n is at time n / fps after the viewpoint, the previous frame at
 * (n − 1) / fps. Frame 0 and every frame whose path epoch differs from its predecessor's is a cut.
 *
 * @param viewpoint where the path starts (the scene's default head pose)
 * @param fps       frames per second (90 for most headsets)
 */
public record ScriptedViews(StereoRig rig, HeadPath path, HeadPose viewpoint, double fps) {
    public static final double DEFAULT_FPS = 90;

    public ScriptedViews {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("fps must be positive, was " + fps);
        }
    }

    public StereoFrame frame(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index must be ≥ 0, was " + index);
        }
        double t = index / fps;
        double previousT = (index - 1) / fps;
        HeadPath.Sample now = path.sample(t);
        StereoPose current = rig.eyes(viewpoint.then(now.pose()));
        if (index == 0) {
            return new StereoFrame(index, t, previousT, current, current, true);
        }
        HeadPath.Sample before = path.sample(previousT);
        boolean cut = before.epoch() != now.epoch();
        StereoPose previous = cut ? current : rig.eyes(viewpoint.then(before.pose()));
        return new StereoFrame(index, t, previousT, current, previous, cut);
    }
}
