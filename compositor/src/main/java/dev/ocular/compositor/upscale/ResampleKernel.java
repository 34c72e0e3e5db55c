package dev.ocular.compositor.upscale;

/**
 * The separable interpolation kernels of the classic resampling baselines, in one place for the GPU shader's table
 * and the CPU twin. Positions are in low-resolution pixels from the sample.
 */
public enum ResampleKernel {
    /** Tent over ±1: bilinear interpolation. */
    BILINEAR(1),
    /** Catmull-Rom cubic (B = 0, C = 0.5) over ±2. */
    BICUBIC(2),
    /** Lanczos with a = 2 over ±2. */
    LANCZOS2(2);

    private final int radius;

    ResampleKernel(int radius) {
        this.radius = radius;
    }

    /** Taps extend this many pixels either side. */
    public int radius() {
        return radius;
    }

    /** Shader variant id (the RESAMPLE_KERNEL define). */
    public int id() {
        return ordinal();
    }

    /** Kernel weight at distance x (pixels). */
    public double weight(double x) {
        double a = Math.abs(x);
        return switch (this) {
            case BILINEAR -> Math.max(0, 1 - a);
            case BICUBIC -> a < 1 ? 1.5 * a * a * a - 2.5 * a * a + 1
                    : a < 2 ? -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2 : 0;
            case LANCZOS2 -> a == 0 ? 1 : a < 2 ? sinc(a) * sinc(a / 2) : 0;
        };
    }

    private static double sinc(double x) {
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }
}
