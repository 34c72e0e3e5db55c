package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Analytic training sequences for tests, no renderer: a panning pattern of stripes (some finer than the low-resolution
 * Nyquist limit) and a bright disc moving on its own, point-sampled at Halton(2, 3) jittered positions with exact
 * motion vectors, and a 4×4 supersampled reference. Sequence i has its own seeded pattern and velocities.
 */
final class SyntheticSequences implements SequenceSource {
    private final int count;
    private final int width;
    private final int height;
    private final int ratio;
    private final int frames;
    private final long seed;

    SyntheticSequences(int count, int width, int height, int ratio, int frames, long seed) {
        this.count = count;
        this.width = width;
        this.height = height;
        this.ratio = ratio;
        this.frames = frames;
        this.seed = seed;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public TrainSequence sequence(int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        double[] pattern = {0.15 + 0.25 * r.nextDouble(), 2 * Math.PI * r.nextDouble(), r.nextDouble() * 1.5,
            r.nextDouble() * 1.5};
        double vx = (r.nextDouble() - 0.5) * 2;
        double vy = (r.nextDouble() - 0.5) * 2;
        double dvx = (r.nextDouble() - 0.5) * 4;
        List<TrainFrame> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            out.add(frame(t, pattern, vx, vy, dvx));
        }
        return new TrainSequence("synthetic " + index, out);
    }

    private TrainFrame frame(int t, double[] pattern, double vx, double vy, double dvx) {
        float jx = (float) (halton(t + 1, 2) - 0.5);
        float jy = (float) (halton(t + 1, 3) - 0.5);
        int ow = width * ratio;
        int oh = height * ratio;
        ImageData colour = ImageData.zeros(width, height, 4);
        ImageData depth = ImageData.zeros(width, height, 1);
        ImageData motion = ImageData.zeros(width, height, 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double px = (x + 0.5 + jx) * ratio;
                double py = (y + 0.5 + jy) * ratio;
                boolean disc = onDisc(px, py, t, ow, oh, vx + dvx, vy);
                for (int c = 0; c < 3; c++) {
                    colour.set(x, y, c, (float) colour(px, py, t, c, pattern, vx, vy, dvx, ow, oh));
                }
                colour.set(x, y, 3, 1f);
                depth.set(x, y, 0, disc ? 0.5f : 0.1f);
                motion.set(x, y, 0, (float) (-(disc ? vx + dvx : vx) / ratio));
                motion.set(x, y, 1, (float) (-vy / ratio));
            }
        }
        ImageData reference = ImageData.zeros(ow, oh, 4);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int k = 0; k < 16; k++) {
                        s += colour(x + (k % 4 + 0.5) / 4, y + (k / 4 + 0.5) / 4, t, c, pattern, vx, vy, dvx, ow, oh);
                    }
                    reference.set(x, y, c, (float) (s / 16));
                }
                reference.set(x, y, 3, 1f);
            }
        }
        EyeParams p = EyeParams.centred(ow, oh, t == 0);
        return new TrainFrame(new GBufferData(colour, depth, motion, jx, jy), p, reference);
    }

    private static boolean onDisc(double x, double y, int t, int ow, int oh, double vx, double vy) {
        double cx = ow * 0.4 + vx * t;
        double cy = oh * 0.5 + vy * t;
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) < (ow * 0.15) * (ow * 0.15);
    }

    private static double colour(double x, double y, int t, int c, double[] p, double vx, double vy, double dvx,
            int ow, int oh) {
        if (onDisc(x, y, t, ow, oh, vx + dvx, vy)) {
            return c == 0 ? 3.0 : 0.4 + 0.3 * Math.sin((x - (vx + dvx) * t) * 0.9);
        }
        double u = x - vx * t;
        double v = y - vy * t;
        double stripes = 0.5 + 0.45 * Math.sin(2 * Math.PI * p[0] * (u * Math.cos(p[1]) + v * Math.sin(p[1])));
        double coarse = 0.5 + 0.4 * Math.sin(0.21 * u + p[2]) * Math.cos(0.17 * v + p[3]);
        return switch (c) {
            case 0 -> 0.8 * stripes * coarse;
            case 1 -> 0.6 * stripes + 0.2 * coarse;
            default -> 0.3 * coarse;
        };
    }

    private static double halton(int index, int base) {
        double f = 1;
        double r = 0;
        for (int i = index; i > 0; i /= base) {
            f /= base;
            r += f * (i % base);
        }
        return r;
    }
}
