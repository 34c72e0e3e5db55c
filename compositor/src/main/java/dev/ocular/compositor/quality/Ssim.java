package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli, "Image Quality Assessment: From Error Visibility to
 * Structural Similarity", IEEE TIP 13(4), 2004) with the paper's parameters: an 11 × 11 circular-symmetric Gaussian
 * window with σ = 1.5 (normalised to sum 1), K1 = 0.01, K2 = 0.03, C1 = (K1·L)², C2 = (K2·L)² for data range L.
 *
 * <p>Like the authors' reference {@code ssim_index.m} (and scikit-image's {@code structural_similarity} with
 * {@code gaussian_weights=True, use_sample_covariance=False}), statistics are computed only where the whole window fits
 * the image ("valid" filtering, no padding), and there is no automatic downsampling. The SSIM map therefore has the
 * image's size with a {@value #RADIUS}-pixel NaN border; means pool the finite values inside a mask. ocular computes
 * it on display-referred luma Y' ({@link DisplayReferred#luma}) with L = 1.
 */
public final class Ssim {
    public static final int WINDOW = 11;
    public static final int RADIUS = WINDOW / 2;
    public static final double SIGMA = 1.5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    private Ssim() {
    }

    /** The normalised 1-D Gaussian taps; the 2-D window is their outer product, so it sums to 1 too. */
    static double[] window() {
        double[] w = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            int d = i - RADIUS;
            w[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += w[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** The per-pixel SSIM map of two single-channel images of equal size (at least 11 × 11). */
    public static ImageData map(ImageData reference, ImageData test, double dataRange) {
        Psnr.requireSameShape(reference, test);
        if (reference.channels() != 1) {
            throw new IllegalArgumentException("SSIM works on one channel (luma), got " + reference.channels());
        }
        int w = reference.width();
        int h = reference.height();
        if (w < WINDOW || h < WINDOW) {
            throw new IllegalArgumentException("SSIM needs at least " + WINDOW + "x" + WINDOW + ", got " + w + "x" + h);
        }
        int n = w * h;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = reference.data()[i];
            y[i] = test.data()[i];
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] g = window();
        double[] mx = filterValid(x, w, h, g);
        double[] my = filterValid(y, w, h, g);
        double[] sxx = filterValid(xx, w, h, g);
        double[] syy = filterValid(yy, w, h, g);
        double[] sxy = filterValid(xy, w, h, g);
        double c1 = K1 * dataRange * K1 * dataRange;
        double c2 = K2 * dataRange * K2 * dataRange;
        ImageData out = ImageData.poisoned(w, h, 1);
        int vw = w - 2 * RADIUS;
        for (int j = 0; j < h - 2 * RADIUS; j++) {
            for (int i = 0; i < vw; i++) {
                int k = j * vw + i;
                double ux = mx[k];
                double uy = my[k];
                double vx = sxx[k] - ux * ux;
                double vy = syy[k] - uy * uy;
                double cxy = sxy[k] - ux * uy;
                double s = (2 * ux * uy + c1) * (2 * cxy + c2) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
                out.set(i + RADIUS, j + RADIUS, 0, (float) s);
            }
        }
        return out;
    }

    /** Mean SSIM over the pixels of {@code mask} where the map is defined; NaN if there are none. */
    public static double mean(ImageData ssimMap, PixelMask mask) {
        mask.requireSize(ssimMap.width(), ssimMap.height());
        double sum = 0;
        long count = 0;
        float[] m = ssimMap.data();
        for (int y = RADIUS; y < ssimMap.height() - RADIUS; y++) {
            for (int x = RADIUS; x < ssimMap.width() - RADIUS; x++) {
                if (mask.contains(x, y)) {
                    sum += m[y * ssimMap.width() + x];
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Mean SSIM of two luma images over the whole valid area. */
    public static double of(ImageData reference, ImageData test, double dataRange) {
        return mean(map(reference, test, dataRange), PixelMask.all(reference.width(), reference.height()));
    }

    /** Separable "valid" correlation: the result is (w − 2r) × (h − 2r), row-major. */
    private static double[] filterValid(double[] plane, int w, int h, double[] taps) {
        int r = taps.length / 2;
        int vw = w - 2 * r;
        int vh = h - 2 * r;
        double[] rows = new double[vw * h];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < vw; x++) {
                double acc = 0;
                for (int t = 0; t < taps.length; t++) {
                    acc += taps[t] * plane[base + x + t];
                }
                rows[y * vw + x] = acc;
            }
        }
        double[] out = new double[vw * vh];
        for (int y = 0; y < vh; y++) {
            for (int x = 0; x < vw; x++) {
                double acc = 0;
                for (int t = 0; t < taps.length; t++) {
                    acc += taps[t] * rows[(y + t) * vw + x];
                }
                out[y * vw + x] = acc;
            }
        }
        return out;
    }
}
