package dev.ocular.compositor.pipeline;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-eye settings of a running compositor, changed from other threads (CLI schedule, web service) and read by
 * the frame loop once per frame. A change bumps a generation counter per eye so the loop resets that eye's history.
 */
public final class LiveSettings {
    /** An immutable snapshot: settings per eye, lens profile name (null: none) and per-eye generations. */
    public record Snapshot(EyeSettings left, EyeSettings right, String lensProfile, long leftGeneration,
            long rightGeneration) {
        public EyeSettings eye(int eye) {
            return eye == 0 ? left : right;
        }

        public long generation(int eye) {
            return eye == 0 ? leftGeneration : rightGeneration;
        }
    }

    private final AtomicReference<Snapshot> current;

    public LiveSettings(EyeSettings left, EyeSettings right, String lensProfile) {
        current = new AtomicReference<>(new Snapshot(left, right, lensProfile, 0, 0));
    }

    public Snapshot get() {
        return current.get();
    }

    /** Replaces one eye's settings; history of that eye is reset at the next frame. */
    public void setEye(int eye, EyeSettings settings) {
        current.updateAndGet(s -> eye == 0
                ? new Snapshot(settings, s.right(), s.lensProfile(), s.leftGeneration() + 1, s.rightGeneration())
                : new Snapshot(s.left(), settings, s.lensProfile(), s.leftGeneration(), s.rightGeneration() + 1));
    }

    public void setLensProfile(String profile) {
        current.updateAndGet(s -> new Snapshot(s.left(), s.right(), profile, s.leftGeneration() + 1,
                s.rightGeneration() + 1));
    }
}
