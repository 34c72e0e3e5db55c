package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;

/**
 * An analytic test scene for upscaler behaviour tests: a background — a coloured zone plate with detail up to 0.35
 * cycles per output pixel (above the low-resolution Nyquist limit at 2×, below the output's) and diagonal stripes, or
 * flat-shaded geometry — that can pan, and a hard-edged checkered square in front that can move on its own (so it
 * uncovers background). Low-resolution frames are point samples at the jittered Halton(2, 3) positions
 * (docs/conventions.md) with exact motion vectors and reverse-Z depth; references are 4 × 4 supersampled at output
 * resolution. No renderer involved, so a failure points at the upscaler. Public for the upscaler tests.
 */
public final class SyntheticScene {
    /** What the background shows. */
    public enum Pattern {
        /** Zone plate and stripes: texture detail up to 0.35 cycles per output pixel. */
        ZONE_PLATE,
        /** Flat-shaded geometry: rotated bars, a disc, thin lines and a gradient — staircase edges. */
        SHAPES
    }

    private Pattern pattern = Pattern.ZONE_PLATE;
    private final int outWidth;
    private final int outHeight;
    private final int inWidth;
    private final int inHeight;
    private final double velocityX;
    private final double velocityY;
    private final double squareVelocityX;
    private final double squareVelocityY;

    /** The whole scene pans by (velocityX, velocityY) output pixels per frame. */
    public SyntheticScene(int outWidth, int outHeight, int inWidth, int inHeight, double velocityX,
            double velocityY) {
        this(outWidth, outHeight, inWidth, inHeight, velocityX, velocityY, velocityX, velocityY);
    }

    /**
     * The background pans by (velocityX, velocityY) and the square, in front of it, moves by (squareVelocityX,
     * squareVelocityY) output pixels per frame: when they differ the square uncovers background (disocclusion).
     */
    public SyntheticScene(int outWidth, int outHeight, int inWidth, int inHeight, double velocityX,
            double velocityY, double squareVelocityX, double squareVelocityY) {
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.inWidth = inWidth;
        this.inHeight = inHeight;
        this.velocityX = velocityX;
        this.velocityY = velocityY;
        this.squareVelocityX = squareVelocityX;
        this.squareVelocityY = squareVelocityY;
    }

    /** Halton(2, 3) jitter of frame t, in [−0.5, 0.5) low-resolution pixels (index t + 1 skips the origin). */
    public static float[] jitter(int frame) {
        return new float[] {(float) (halton(frame + 1, 2) - 0.5), (float) (halton(frame + 1, 3) - 0.5)};
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

    /** Switches the background pattern (the occluding square stays). */
    public SyntheticScene with(Pattern background) {
        this.pattern = background;
        return this;
    }

    /** Whether output-pixel position (x, y) of frame t shows the square. */
    public boolean onSquare(double x, double y, int frame) {
        double u = x - squareVelocityX * frame - outWidth * 0.3;
        double v = y - squareVelocityY * frame - outHeight * 0.3;
        double ru = 0.8 * u - 0.6 * v;
        double rv = 0.6 * u + 0.8 * v;
        return Math.abs(ru) < outWidth * 0.12 && Math.abs(rv) < outWidth * 0.12;
    }

    /** Linear colour at output-pixel position (x, y) of frame t. */
    public double colour(double x, double y, int frame, int channel) {
        if (onSquare(x, y, frame)) {
            double u = x - squareVelocityX * frame;
            double checker = (Math.floorMod((int) Math.floor(u / 3.0), 2) == 0) ? 0.3 : 0.0;
            return switch (channel) {
                case 0 -> 1.6;
                case 1 -> 0.2 + checker;
                default -> 0.4;
            };
        }
        double u = x - velocityX * frame;
        double v = y - velocityY * frame;
        if (pattern == Pattern.SHAPES) {
            return shapes(u / outWidth, v / outHeight, channel);
        }
        double cx = u - outWidth * 0.5;
        double cy = v - outHeight * 0.5;
        double r2 = cx * cx + cy * cy;
        double zone = 0.5 + 0.35 * Math.cos(Math.PI * r2 * 0.35 / (0.5 * Math.hypot(outWidth, outHeight)));
        double stripes = 0.5 + 0.4 * Math.sin(2 * Math.PI * 0.21 * (0.8 * u + 0.6 * v));
        return switch (channel) {
            case 0 -> zone;
            case 1 -> 0.7 * zone + 0.3 * stripes;
            default -> stripes * 0.8;
        };
    }

    /** Flat geometry in normalised coordinates: edges at many angles, a disc, hairlines, a soft gradient. */
    private static double shapes(double u, double v, int channel) {
        double base = 0.15 + 0.5 * u;
        double[] colour = {base, 0.3, 0.6 - 0.4 * v};
        for (int i = 0; i < 5; i++) {
            double angle = 0.3 + i * 0.55;
            double d = Math.abs((u - 0.5) * Math.cos(angle) + (v - 0.5) * Math.sin(angle) - (i - 2) * 0.09);
            if (d < 0.02 + 0.004 * i) {
                colour = new double[] {0.9, 0.8 - 0.15 * i, 0.1 + 0.2 * i};
            }
        }
        if (Math.hypot(u - 0.7, v - 0.3) < 0.14) {
            colour = new double[] {0.05, 0.6, 0.9};
        }
        if (Math.abs((u - 0.25) * 0.96 - (v - 0.7) * 0.28) < 0.004) {
            colour = new double[] {2.5, 2.5, 2.2};
        }
        return colour[channel];
    }

    public GBufferData lowRes(int frame) {
        float[] j = jitter(frame);
        double sx = (double) outWidth / inWidth;
        double sy = (double) outHeight / inHeight;
        ImageData colour = ImageData.zeros(inWidth, inHeight, 4);
        ImageData depth = ImageData.zeros(inWidth, inHeight, 1);
        ImageData motion = ImageData.zeros(inWidth, inHeight, 2);
        for (int y = 0; y < inHeight; y++) {
            for (int x = 0; x < inWidth; x++) {
                double px = (x + 0.5 + j[0]) * sx;
                double py = (y + 0.5 + j[1]) * sy;
                for (int c = 0; c < 3; c++) {
                    colour.set(x, y, c, (float) colour(px, py, frame, c));
                }
                colour.set(x, y, 3, 1f);
                boolean square = onSquare(px, py, frame);
                depth.set(x, y, 0, square ? 0.8f : 0.2f);
                // Current → previous, in low-resolution pixels: the surface was one velocity step back.
                motion.set(x, y, 0, (float) (-(square ? squareVelocityX : velocityX) / sx));
                motion.set(x, y, 1, (float) (-(square ? squareVelocityY : velocityY) / sy));
            }
        }
        return new GBufferData(colour, depth, motion, j[0], j[1]);
    }

    /** The frame at output resolution, each pixel the mean of 4 × 4 point samples. */
    public ImageData reference(int frame) {
        ImageData out = ImageData.zeros(outWidth, outHeight, 4);
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                for (int c = 0; c < 3; c++) {
                    double acc = 0;
                    for (int k = 0; k < 16; k++) {
                        acc += colour(x + (k % 4 + 0.5) / 4, y + (k / 4 + 0.5) / 4, frame, c);
                    }
                    out.set(x, y, c, (float) (acc / 16));
                }
                out.set(x, y, 3, 1f);
            }
        }
        return out;
    }
}
