package dev.ocular.compositor.quality;

/**
 * 1-D correlation of a single-channel row-major plane along rows or columns, with edge-clamped borders (the border
 * rule of the ꟻLIP reference). Taps are centred: {@code taps[r]} weighs the pixel itself, r = taps.length / 2.
 */
final class Convolve {
    private Convolve() {
    }

    static float[] rows(float[] plane, int w, int h, double[] taps) {
        int r = taps.length / 2;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = -r; t <= r; t++) {
                    int xx = Math.min(Math.max(x + t, 0), w - 1);
                    acc += taps[t + r] * plane[base + xx];
                }
                out[base + x] = (float) acc;
            }
        }
        return out;
    }

    static float[] columns(float[] plane, int w, int h, double[] taps) {
        int r = taps.length / 2;
        float[] out = new float[w * h];
        double[] acc = new double[w];
        // Row-at-a-time accumulation keeps the reads sequential.
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int t = -r; t <= r; t++) {
                int base = Math.min(Math.max(y + t, 0), h - 1) * w;
                double k = taps[t + r];
                for (int x = 0; x < w; x++) {
                    acc[x] += k * plane[base + x];
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) acc[x];
            }
        }
        return out;
    }
}
