package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;

/**
 * The fuse op's view of the current frame around one output pixel: the 3×3 low-resolution samples nearest to it
 * (those inside the image), their jitter-aware Gaussian reconstruction and their tone-mapped mean and variance.
 */
final class Neighbourhood {
    private final float[] weighted = new float[3];
    private final float[] sum = new float[3];
    private final float[] sumSquares = new float[3];
    private float weightSum;
    private float coverageSum;
    private int count;

    private Neighbourhood() {
    }

    /**
     * @param px, py the output pixel's centre in low-resolution pixels
     * @param sigma  Gaussian width in low-resolution pixels
     */
    static Neighbourhood gather(GBufferData g, float px, float py, float sigma) {
        Neighbourhood n = new Neighbourhood();
        int cx = Math.min((int) Math.floor(px), g.width() - 1);
        int cy = Math.min((int) Math.floor(py), g.height() - 1);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x < 0 || y < 0 || x >= g.width() || y >= g.height()) {
                    continue;
                }
                // Sample (x, y) was taken at its jittered position (x + 0.5 + jx, y + 0.5 + jy).
                float ddx = px - (x + 0.5f + g.jitterX());
                float ddy = py - (y + 0.5f + g.jitterY());
                float w = (float) Math.exp(-(ddx * ddx + ddy * ddy) / (2f * sigma * sigma));
                n.add(g, x, y, w);
            }
        }
        return n;
    }

    private void add(GBufferData g, int x, int y, float w) {
        for (int c = 0; c < 3; c++) {
            float t = ToneMap.forward(g.colour().get(x, y, c));
            weighted[c] += w * t;
            sum[c] += t;
            sumSquares[c] += t * t;
        }
        coverageSum += w * g.colour().get(x, y, 3);
        weightSum += w;
        count++;
    }

    /** The Gaussian-weighted tone-mapped colour (a new array). */
    float[] current() {
        return new float[] {weighted[0] / weightSum, weighted[1] / weightSum, weighted[2] / weightSum};
    }

    float coverage() {
        return coverageSum / weightSum;
    }

    float mean(int c) {
        return sum[c] / count;
    }

    /** E[t²] − E[t]²; may come out slightly negative in float, callers clamp it. */
    float variance(int c) {
        float m = mean(c);
        return sumSquares[c] / count - m * m;
    }
}
