package dev.ocular.gpu;

/**
 * How far a GPU result is from its CPU twin: normalised mean squared error (Σ(a−e)² / Σe²), largest absolute
 * difference, and how many outputs are NaN or infinite (an unwritten output poisoned with NaN shows up here).
 */
public record ErrorStats(double nmse, double maxAbs, int nonFinite, int count) {

    public static ErrorStats compare(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("length " + actual.length + " != expected " + expected.length);
        }
        double err = 0;
        double ref = 0;
        double maxAbs = 0;
        int nonFinite = 0;
        for (int i = 0; i < expected.length; i++) {
            float a = actual[i];
            if (!Float.isFinite(a)) {
                nonFinite++;
                continue;
            }
            double d = (double) a - expected[i];
            err += d * d;
            ref += (double) expected[i] * expected[i];
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        double nmse = ref > 0 ? err / ref : err;
        return new ErrorStats(nmse, maxAbs, nonFinite, expected.length);
    }

    /** True when every output is finite and both errors are within the given tolerance. */
    public boolean within(double maxNmse, double maxAbsTolerance) {
        return nonFinite == 0 && nmse <= maxNmse && maxAbs <= maxAbsTolerance;
    }

    @Override
    public String toString() {
        return String.format("NMSE %.3e, max-abs %.3e, non-finite %d of %d", nmse, maxAbs, nonFinite, count);
    }
}
