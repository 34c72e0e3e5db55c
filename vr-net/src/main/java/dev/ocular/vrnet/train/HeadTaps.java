package dev.ocular.vrnet.train;

/**
 * Where one output pixel reads the low-resolution head: the 2 × 2 clamped texels around a continuous position and
 * their bilinear weights (the arithmetic of reference/Bilinear), with the transpose that scatters a gradient back to
 * those texels. The fuse op reads its six parameters this way and the refine stage its guides, so both the forward
 * read and its adjoint live here once; {@link HistoryAdjoint} scatters through it the bilinear reads of history. A mutable scratch object; one per thread.
 */
final class HeadTaps {
    private int i00;
    private int i10;
    private int i01;
    private int i11;
    private float tx;
    private float ty;

    /** Places the taps at (x, y) in low-resolution pixel units on planes of {@code width} × {@code height}. */
    void at(float x, float y, int width, int height) {
        float fx = x - 0.5f;
        float fy = y - 0.5f;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        tx = fx - x0;
        ty = fy - y0;
        int cx0 = clamp(x0, width);
        int cx1 = clamp(x0 + 1, width);
        int cy0 = clamp(y0, height);
        int cy1 = clamp(y0 + 1, height);
        i00 = cy0 * width + cx0;
        i10 = cy0 * width + cx1;
        i01 = cy1 * width + cx0;
        i11 = cy1 * width + cx1;
    }

    /** Channel c of {@code planes} interpolated at the taps. */
    float read(Planes planes, int c) {
        float[] d = planes.data();
        int base = c * planes.planeSize();
        float top = mix(d[base + i00], d[base + i10], tx);
        float bottom = mix(d[base + i01], d[base + i11], tx);
        return mix(top, bottom, ty);
    }

    /** The transpose of {@link #read}: each texel gets its bilinear weight's share of {@code grad} (clamped texels add up). */
    void scatter(Planes planes, int c, float grad) {
        float[] d = planes.data();
        int base = c * planes.planeSize();
        d[base + i00] += grad * ((1f - tx) * (1f - ty));
        d[base + i10] += grad * (tx * (1f - ty));
        d[base + i01] += grad * ((1f - tx) * ty);
        d[base + i11] += grad * (tx * ty);
    }

    private static int clamp(int v, int size) {
        return Math.min(Math.max(v, 0), size - 1);
    }

    /** GLSL's mix, as reference/Bilinear computes it. */
    private static float mix(float a, float b, float t) {
        return a * (1f - t) + b * t;
    }
}
