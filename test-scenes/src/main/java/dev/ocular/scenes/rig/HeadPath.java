package dev.ocular.scenes.rig;

import java.util.SplittableRandom;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * A scripted head movement: a pure function of time, so any frame can be rendered on its own and two runs agree bit
 * for bit. The pose is relative to the scene's viewpoint ({@link HeadPose#then}). {@code epoch} counts cuts: when it
 * differs between two instants, a recenter/teleport happened in between.
 */
public final class HeadPath {
    /** Seconds between teleports of {@link HeadMotion#TELEPORT}. */
    public static final double TELEPORT_PERIOD = 1.0;

    /** A head pose and the number of cuts before it. */
    public record Sample(HeadPose pose, long epoch) {
    }

    private final HeadMotion motion;
    private final long seed;
    private final double amplitude;
    private final double phase;
    private final double phase2;

    public HeadPath(HeadMotion motion, long seed) {
        this.motion = motion;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        this.amplitude = 1 + 0.25 * random.nextDouble();
        this.phase = 2 * Math.PI * random.nextDouble();
        this.phase2 = 2 * Math.PI * random.nextDouble();
    }

    public HeadMotion motion() {
        return motion;
    }

    public long seed() {
        return seed;
    }

    /** The head pose at {@code t} seconds, relative to the viewpoint. */
    public Sample sample(double t) {
        return switch (motion) {
            case STATIC -> new Sample(HeadPose.at(0, 0, 0), 0);
            case SLOW_PAN -> new Sample(yawPitch(amplitude * 20 * Math.sin(2 * Math.PI * t / 8 + phase), 0), 0);
            case FAST_YAW -> new Sample(yawPitch(amplitude * 35 * Math.sin(2 * Math.PI * t / 0.6 + phase), 0), 0);
            case NOD -> new Sample(yawPitch(0, amplitude * 15 * Math.sin(2 * Math.PI * t / 1.2 + phase)), 0);
            case TRANSLATION -> new Sample(translation(t), 0);
            case TELEPORT -> teleport(t);
        };
    }

    private static HeadPose yawPitch(double yawDegrees, double pitchDegrees) {
        return HeadPose.at(0, 0, 0, yawDegrees, pitchDegrees);
    }

    private HeadPose translation(double t) {
        double x = amplitude * 0.4 * Math.sin(2 * Math.PI * t / 3 + phase);
        double z = -amplitude * 0.3 * (1 - Math.cos(2 * Math.PI * t / 5 + phase2));
        double y = 0.02 * Math.sin(2 * Math.PI * t * 1.8);
        return new HeadPose(new Vector3f((float) x, (float) y, (float) z), new Quaternionf());
    }

    private Sample teleport(double t) {
        long epoch = (long) Math.floor(t / TELEPORT_PERIOD);
        // Deterministic per-epoch destination: a hash of (seed, epoch), not a running random state.
        SplittableRandom jump = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        double x = epoch == 0 ? 0 : (jump.nextDouble() - 0.5) * 1.6;
        double z = epoch == 0 ? 0 : -jump.nextDouble() * 1.0;
        double yaw = epoch == 0 ? 0 : (jump.nextDouble() - 0.5) * 60;
        double pan = amplitude * 10 * Math.sin(2 * Math.PI * t / 6 + phase);
        return new Sample(HeadPose.at((float) x, 0, (float) z, yaw + pan, 0), epoch);
    }
}
