package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import java.util.stream.IntStream;

/**
 * CPU twin of shaders/fuse.comp: reconstructs one eye at output resolution from the head's per-pixel parameters, the
 * current low-resolution samples and the reprojected history (README, "Reconstruct / fuse", gives every formula;
 * {@link FuseSample} does one pixel). Pure; rows run in parallel on the common fork-join pool.
 */
public final class FuseOp {
    /**
     * One eye's fuse result.
     *
     * @param output  linear RGBA at output size, alpha = the current frame's reconstructed coverage
     * @param history next frame's history: RGB as an RGBA16F store keeps it, alpha = accumulated weight in samples
     */
    public record Fused(ImageData output, ImageData history) {
    }

    private FuseOp() {
    }

    /**
     * @param head    the head's raw outputs at low resolution (the fuse op reads the first 6 channels; guides follow)
     * @param history last frame's history (see {@link Fused#history}) or null when history is not usable
     */
    public static Fused apply(ImageData head, GBufferData g, ImageData history, EyeParams p, FuseConstants k) {
        if (head.width() != g.width() || head.height() != g.height() || head.channels() < 6) {
            throw new IllegalArgumentException("head " + head.width() + "x" + head.height() + "x" + head.channels()
                    + " does not match G-buffer " + g.width() + "x" + g.height() + " (6 or more channels)");
        }
        ImageData out = ImageData.zeros(p.outWidth(), p.outHeight(), 4);
        ImageData next = ImageData.zeros(p.outWidth(), p.outHeight(), 4);
        // Pixels are independent (each reads the old history, writes its own texels), so rows run in parallel.
        IntStream.range(0, p.outHeight()).parallel().forEach(y -> {
            FuseSample s = new FuseSample();
            float[] h = new float[6];
            for (int x = 0; x < p.outWidth(); x++) {
                headAt(head, g, p, x, y, h);
                s.gather(g, history, p.outWidth(), p.outHeight(), x, y);
                s.resolve(h, k);
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, c, s.rgb[c]);
                    next.set(x, y, c, Perceptual.fp16(s.rgb[c]));
                }
                out.set(x, y, 3, s.coverage);
                next.set(x, y, 3, Perceptual.fp16(s.nextWeight));
            }
        });
        return new Fused(out, next);
    }

    /** Output pixel {@code o}'s centre in low-resolution pixel units, along an axis of {@code out} / {@code in}. */
    public static float lowResCentre(int o, int out, int in) {
        return (o + 0.5f) / ((float) out / in);
    }

    /** The head's six raw values bilinearly interpolated at output pixel (x, y)'s centre in low-resolution pixels. */
    static void headAt(ImageData head, GBufferData g, EyeParams p, int x, int y, float[] h) {
        float px = lowResCentre(x, p.outWidth(), g.width());
        float py = lowResCentre(y, p.outHeight(), g.height());
        for (int c = 0; c < 6; c++) {
            h[c] = Bilinear.sample(head, px, py, c);
        }
    }
}
