package dev.ocular.scenes.rig;

/**
 * Sub-pixel camera jitter from the Halton (2, 3) sequence, as temporal upscalers expect (docs/conventions.md): the
 * sequence has {@code phases} = ⌈8 · ratio²⌉ entries (ratio = output / input resolution per axis; at least 8) and
 * repeats; frame n uses phase n mod phases. Halton indices start at 1 so no phase sits exactly on the pixel centre's
 * corner (index 0 would give (−0.5, −0.5)).
 */
public final class HaltonJitter {
    private final int phases;

    private HaltonJitter(int phases) {
        this.phases = phases;
    }

    /** @param ratio output / input resolution per axis, ≥ 1 (1 = native-resolution anti-aliasing) */
    public static HaltonJitter forRatio(double ratio) {
        if (!(ratio >= 1) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("upscale ratio must be ≥ 1, was " + ratio);
        }
        return new HaltonJitter(Math.max(8, (int) Math.ceil(8 * ratio * ratio - 1e-9)));
    }

    public static HaltonJitter withPhases(int phases) {
        if (phases < 1) {
            throw new IllegalArgumentException("jitter needs at least one phase, got " + phases);
        }
        return new HaltonJitter(phases);
    }

    public int phases() {
        return phases;
    }

    /** The radical inverse of {@code index} in {@code base}: the Halton sequence's value in [0, 1). */
    public static double halton(long index, int base) {
        double result = 0;
        double f = 1;
        long i = index;
        while (i > 0) {
            f /= base;
            result += f * (i % base);
            i /= base;
        }
        return result;
    }

    /** Jitter x of frame {@code frame}, in pixels, within [−0.5, 0.5). */
    public float x(long frame) {
        return (float) (halton(phase(frame) + 1, 2) - 0.5);
    }

    /** Jitter y of frame {@code frame}, in pixels, within [−0.5, 0.5). */
    public float y(long frame) {
        return (float) (halton(phase(frame) + 1, 3) - 0.5);
    }

    public int phase(long frame) {
        return (int) Math.floorMod(frame, (long) phases);
    }
}
