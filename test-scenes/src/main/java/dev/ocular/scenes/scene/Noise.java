package dev.ocular.scenes.scene;

/**
 * Deterministic value noise from an integer hash: the same (seed, x, y) gives the same value on every machine, unlike
 * anything that depends on a running random state or thread scheduling.
 */
public final class Noise {
    private Noise() {
    }

    /** A uniform value in [0, 1) for integer lattice point (x, y). */
    public static double hash(long seed, long x, long y) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Smoothly interpolated value noise in [0, 1) with lattice period {@code period} (tiles seamlessly). */
    public static double value(long seed, double x, double y, int period) {
        long x0 = (long) Math.floor(x);
        long y0 = (long) Math.floor(y);
        double fx = smooth(x - x0);
        double fy = smooth(y - y0);
        double a = hash(seed, Math.floorMod(x0, period), Math.floorMod(y0, period));
        double b = hash(seed, Math.floorMod(x0 + 1, period), Math.floorMod(y0, period));
        double c = hash(seed, Math.floorMod(x0, period), Math.floorMod(y0 + 1, period));
        double d = hash(seed, Math.floorMod(x0 + 1, period), Math.floorMod(y0 + 1, period));
        return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
    }

    /** Four octaves of {@link #value}, tiling with period {@code period} cells at the base octave. */
    public static double fractal(long seed, double x, double y, int period) {
        double sum = 0;
        double amplitude = 0.5;
        double norm = 0;
        for (int octave = 0; octave < 4; octave++) {
            int scale = 1 << octave;
            sum += amplitude * value(seed + octave, x * scale, y * scale, period * scale);
            norm += amplitude;
            amplitude *= 0.5;
        }
        return sum / norm;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
