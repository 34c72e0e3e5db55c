package dev.ocular.scenes.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.joml.Quaterniond;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeadPathTest {

    private static double peakAngularRateDegrees(HeadPath path, double seconds) {
        // Poses are float quaternions: difference them in double over 5 ms so rounding stays far below the step.
        double dt = 5e-3;
        double peak = 0;
        for (double t = 0; t < seconds; t += dt) {
            Quaterniond a = new Quaterniond(path.sample(t).pose().orientation());
            Quaterniond b = new Quaterniond(path.sample(t + dt).pose().orientation());
            double angle = a.conjugate().mul(b).normalize().angle();
            peak = Math.max(peak, Math.toDegrees(Math.min(angle, 2 * Math.PI - angle)) / dt);
        }
        return peak;
    }

    @Test
    void fastYawExceeds300DegreesPerSecondForEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            double peak = peakAngularRateDegrees(new HeadPath(HeadMotion.FAST_YAW, seed), 1.2);
            assertTrue(peak >= 300, "fast yaw seed " + seed + " peaks at only " + peak + "°/s");
        }
        double slow = peakAngularRateDegrees(new HeadPath(HeadMotion.SLOW_PAN, 3), 10);
        assertTrue(slow > 5 && slow < 30, "slow pan peaks at " + slow + "°/s");
    }

    @ParameterizedTest
    @EnumSource(HeadMotion.class)
    void pathsAreDeterministicBySeedAndTime(HeadMotion motion) {
        HeadPath a = new HeadPath(motion, 42);
        HeadPath b = new HeadPath(motion, 42);
        for (double t : new double[] {0, 0.011, 0.5, 1.37, 7.9}) {
            assertEquals(a.sample(t), b.sample(t), motion + " at t=" + t);
        }
        if (motion != HeadMotion.STATIC) {
            assertNotEquals(a.sample(0.37), new HeadPath(motion, 43).sample(0.37),
                    motion + ": a different seed should give a different path");
        }
    }

    @Test
    void teleportReportsACutExactlyAtEachJump() {
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(HeadMotion.TELEPORT, 7),
                HeadPose.at(0, 1.6f, 0), 90);
        List<Long> cuts = new ArrayList<>();
        for (long n = 0; n < 200; n++) {
            StereoFrame f = views.frame(n);
            if (f.cut()) {
                cuts.add(n);
                assertEquals(f.current(), f.previous(), "a cut frame carries no camera motion");
            }
        }
        assertEquals(List.of(0L, 90L, 180L), cuts);
        StereoFrame jump = views.frame(90);
        StereoFrame before = views.frame(89);
        float moved = new Vector3f(jump.current().left().position()).distance(before.current().left().position());
        assertTrue(moved > 0.05, "the teleport at frame 90 must actually move the head, moved " + moved);
    }

    @Test
    void previousViewsAreTheFrameBefore() {
        ScriptedViews views = new ScriptedViews(StereoRig.questLike(), new HeadPath(HeadMotion.NOD, 1),
                HeadPose.at(0, 1.6f, 0), 90);
        StereoFrame f = views.frame(12);
        assertFalse(f.cut());
        assertEquals(views.frame(11).current(), f.previous());
        assertEquals(12 / 90.0, f.time(), 1e-12);
    }

    @Test
    void livePosesReportCutsOnStartRecenterAndTrackingLoss() {
        LivePoseTracker tracker = new LivePoseTracker();
        StereoRig rig = StereoRig.questLike();
        LiveViews a = live(rig, 1_000_000_000L, 0, true);
        LiveViews b = live(rig, 1_011_000_000L, 2, true);
        LiveViews c = live(rig, 1_022_000_000L, 4, true);
        LiveViews d = live(rig, 1_033_000_000L, 6, false);
        LiveViews e = live(rig, 1_044_000_000L, 8, true);
        assertTrue(tracker.accept(a).cut(), "first frame");
        StereoFrame fb = tracker.accept(b);
        assertFalse(fb.cut());
        assertEquals(a.pose(), fb.previous());
        assertEquals(0.011, fb.time(), 1e-9);
        tracker.recenter();
        assertTrue(tracker.accept(c).cut(), "after recenter");
        assertTrue(tracker.accept(d).cut(), "tracking lost");
        assertTrue(tracker.accept(e).cut(), "tracking regained");
    }

    private static LiveViews live(StereoRig rig, long time, double yaw, boolean tracked) {
        StereoPose p = rig.eyes(HeadPose.at(0, 1.6f, 0, yaw, 0));
        return new LiveViews(time, p.left(), p.right(), tracked);
    }
}
