package dev.ocular.compositor.upscale;

import dev.ocular.gpu.frame.ImageData;

/**
 * CPU twin of {@code resample.comp}: jitter-aware separable resampling of the low-resolution colour to the output
 * size. Sample (x, y) sits at (x + 0.5 + jx, y + 0.5 + jy) in low-resolution pixels (docs/conventions.md), so an
 * output pixel's position is shifted by the jitter before the kernel is evaluated — the baselines get the same
 * sub-pixel information as vr-net, they just can't accumulate it. Edges clamp; weights are normalised.
 */
public final class ClassicResample {
    private ClassicResample() {
    }

    public static ImageData upscale(ImageData colour, float jitterX, float jitterY, int outWidth, int outHeight,
            ResampleKernel kernel) {
        ImageData out = ImageData.zeros(outWidth, outHeight, colour.channels());
        double sx = (double) colour.width() / outWidth;
        double sy = (double) colour.height() / outHeight;
        int r = kernel.radius();
        for (int oy = 0; oy < outHeight; oy++) {
            // Continuous sample-index coordinate: sample i lies at i + 0.5 + jitter.
            double v = (oy + 0.5) * sy - 0.5 - jitterY;
            int y0 = (int) Math.floor(v);
            for (int ox = 0; ox < outWidth; ox++) {
                double u = (ox + 0.5) * sx - 0.5 - jitterX;
                int x0 = (int) Math.floor(u);
                double[] acc = new double[colour.channels()];
                double wsum = 0;
                for (int j = y0 - r + 1; j <= y0 + r; j++) {
                    double wy = kernel.weight(v - j);
                    for (int i = x0 - r + 1; i <= x0 + r; i++) {
                        double w = wy * kernel.weight(u - i);
                        if (w == 0) {
                            continue;
                        }
                        for (int c = 0; c < acc.length; c++) {
                            acc[c] += w * colour.clamped(i, j, c);
                        }
                        wsum += w;
                    }
                }
                for (int c = 0; c < acc.length; c++) {
                    out.set(ox, oy, c, (float) (acc[c] / wsum));
                }
            }
        }
        return out;
    }
}
