package dev.ocular.scenes.patterns;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.scene.Canvas;
import java.util.Optional;

/**
 * A latency / frame-counter barcode: 32 equal cells in a horizontal strip — white and black reference cells, the eye
 * (0 left, 1 right), the frame number mod 2²³ (23 bits, most significant first) and a 6-bit check
 * ((2·frame + eye) mod 61). A photodiode or camera pointed at the headset, or a capture of the compositor's output,
 * decodes which frame (and which eye) is on screen; the check rejects torn or blended reads.
 */
public final class FrameBarcode {
    public static final int CELLS = 32;
    public static final int FRAME_BITS = 23;
    public static final long FRAME_MODULUS = 1L << FRAME_BITS;
    private static final int CHECK_BITS = 6;
    private static final int CHECK_MODULUS = 61;

    /** A successful read. */
    public record Reading(long frame, Eye eye) {
    }

    private FrameBarcode() {
    }

    /** The 32 cell values (true = white) for {@code frame} on {@code eye}. */
    public static boolean[] cells(long frame, Eye eye) {
        long f = Math.floorMod(frame, FRAME_MODULUS);
        boolean[] cells = new boolean[CELLS];
        cells[0] = true;
        cells[1] = false;
        cells[2] = eye == Eye.RIGHT;
        for (int b = 0; b < FRAME_BITS; b++) {
            cells[3 + b] = ((f >> (FRAME_BITS - 1 - b)) & 1) != 0;
        }
        int check = check(f, eye);
        for (int b = 0; b < CHECK_BITS; b++) {
            cells[3 + FRAME_BITS + b] = ((check >> (CHECK_BITS - 1 - b)) & 1) != 0;
        }
        return cells;
    }

    private static int check(long frame, Eye eye) {
        return (int) Math.floorMod(2 * frame + eye.index(), (long) CHECK_MODULUS);
    }

    /** Paints the barcode into the rectangle [x0, x1) × [y0, y1) of {@code canvas} (white 1.0, black 0.0). */
    public static void draw(Canvas canvas, long frame, Eye eye, double x0, double y0, double x1, double y1) {
        boolean[] cells = cells(frame, eye);
        double cell = (x1 - x0) / CELLS;
        for (int i = 0; i < CELLS; i++) {
            float v = cells[i] ? 1f : 0f;
            canvas.rect(x0 + i * cell, y0, x0 + (i + 1) * cell, y1, Canvas.rgba(v, v, v, 1));
        }
    }

    /**
     * Reads a barcode from the strip at fractions [fx0, fx1) × [fy0, fy1) of {@code image} (any resolution: cells
     * are sampled over their central half, luminance thresholded halfway between the reference cells). Empty when
     * the references have too little contrast or the check does not match.
     */
    public static Optional<Reading> decode(ImageData image, double fx0, double fy0, double fx1, double fy1) {
        double x0 = fx0 * image.width();
        double x1 = fx1 * image.width();
        double y0 = fy0 * image.height();
        double y1 = fy1 * image.height();
        double cell = (x1 - x0) / CELLS;
        double[] level = new double[CELLS];
        for (int i = 0; i < CELLS; i++) {
            level[i] = meanLuma(image, x0 + (i + 0.25) * cell, y0 + 0.25 * (y1 - y0), x0 + (i + 0.75) * cell,
                    y0 + 0.75 * (y1 - y0));
        }
        double white = level[0];
        double black = level[1];
        if (!(white - black > 0.2)) {
            return Optional.empty();
        }
        double threshold = (white + black) / 2;
        Eye eye = level[2] > threshold ? Eye.RIGHT : Eye.LEFT;
        long frame = 0;
        for (int b = 0; b < FRAME_BITS; b++) {
            frame = frame << 1 | (level[3 + b] > threshold ? 1 : 0);
        }
        int check = 0;
        for (int b = 0; b < CHECK_BITS; b++) {
            check = check << 1 | (level[3 + FRAME_BITS + b] > threshold ? 1 : 0);
        }
        return check == check(frame, eye) ? Optional.of(new Reading(frame, eye)) : Optional.empty();
    }

    private static double meanLuma(ImageData image, double x0, double y0, double x1, double y1) {
        int ix0 = (int) Math.floor(x0);
        int ix1 = Math.max(ix0 + 1, (int) Math.ceil(x1));
        int iy0 = (int) Math.floor(y0);
        int iy1 = Math.max(iy0 + 1, (int) Math.ceil(y1));
        double sum = 0;
        int n = 0;
        for (int y = iy0; y < iy1; y++) {
            for (int x = ix0; x < ix1; x++) {
                int cx = Math.min(Math.max(x, 0), image.width() - 1);
                int cy = Math.min(Math.max(y, 0), image.height() - 1);
                sum += luma(image, cx, cy);
                n++;
            }
        }
        return sum / n;
    }

    private static double luma(ImageData image, int x, int y) {
        if (image.channels() < 3) {
            return image.get(x, y, 0);
        }
        return 0.2126 * image.get(x, y, 0) + 0.7152 * image.get(x, y, 1) + 0.0722 * image.get(x, y, 2);
    }
}
