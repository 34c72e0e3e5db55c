package dev.ocular.gpu.probe;

/**
 * CPU twin of {@code gemm_coopmat.comp}: C = A × B with fp16 inputs (given here already rounded to fp16 and widened)
 * accumulated in double, row-major. Obviously correct by construction; the oracle for the cooperative-matrix kernel.
 */
public final class GemmReference {
    private GemmReference() {
    }

    /** @return C, M×N row-major */
    public static float[] multiply(float[] a, float[] b, int m, int n, int k) {
        if (a.length != m * k || b.length != k * n) {
            throw new IllegalArgumentException("shapes do not match: A " + a.length + " vs " + m + "x" + k + ", B "
                    + b.length + " vs " + k + "x" + n);
        }
        float[] c = new float[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += (double) a[row * k + i] * b[i * n + col];
                }
                c[row * n + col] = (float) sum;
            }
        }
        return c;
    }

    /** Rounds each value to the nearest fp16 and back, as the GPU sees it. */
    public static float[] roundToHalf(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.float16ToFloat(Float.floatToFloat16(values[i]));
        }
        return out;
    }
}
