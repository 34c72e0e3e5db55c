package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
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
}
