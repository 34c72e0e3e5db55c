package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.reference.Bilinear;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.FuseSample;
import java.util.Random;

/** Seeded random tensors for the gradient tests: odd sizes, values in the ranges the real inputs have. */
final class TestData {
    private TestData() {
    }

    static ImageData image(Random r, int w, int h, int c, float lo, float hi) {
        ImageData out = ImageData.zeros(w, h, c);
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] = lo + (hi - lo) * r.nextFloat();
        }
        return out;
    }

    static Planes planes(Random r, int c, int w, int h, float std) {
        Planes p = Planes.zeros(c, w, h);
        for (int i = 0; i < p.data().length; i++) {
            p.data()[i] = (float) (r.nextGaussian() * std);
        }
        return p;
    }

    /** HDR colour (some values above 1, coverage 1), reverse-Z depth, motion up to ±2 px, jitter in [−0.5, 0.5]. */
    static GBufferData gbuffer(Random r, int w, int h) {
        ImageData colour = image(r, w, h, 4, 0f, 2.5f);
        for (int i = 3; i < colour.data().length; i += 4) {
            colour.data()[i] = 1f;
        }
        return new GBufferData(colour, image(r, w, h, 1, 0.05f, 1f), image(r, w, h, 2, -2f, 2f),
                r.nextFloat() - 0.5f, r.nextFloat() - 0.5f);
    }

    /**
     * The fuse op's next history (linear RGB, weight) without the fp16 rounding FuseOp applies when storing it: the
     * function the trainer differentiates through history (it passes gradients through the rounding unchanged, and
     * fp16 steps would read as kinks to finite differences).
     */
    static ImageData unroundedHistory(ImageData head, GBufferData g, ImageData history, EyeParams p,
            FuseConstants k) {
        ImageData next = ImageData.zeros(p.outWidth(), p.outHeight(), 4);
        FuseSample s = new FuseSample();
        float[] h = new float[6];
        for (int y = 0; y < p.outHeight(); y++) {
            for (int x = 0; x < p.outWidth(); x++) {
                float px = FuseOp.lowResCentre(x, p.outWidth(), head.width());
                float py = FuseOp.lowResCentre(y, p.outHeight(), head.height());
                for (int c = 0; c < 6; c++) {
                    h[c] = Bilinear.sample(head, px, py, c);
                }
                s.gather(g, history, p.outWidth(), p.outHeight(), x, y);
                s.resolve(h, k);
                for (int c = 0; c < 3; c++) {
                    next.set(x, y, c, s.rgb[c]);
                }
                next.set(x, y, 3, s.nextWeight);
            }
        }
        return next;
    }
}
