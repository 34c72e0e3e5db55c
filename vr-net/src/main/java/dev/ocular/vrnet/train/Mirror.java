package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal mirroring of training data, the one augmentation that keeps every convention exact: images flip left to
 * right, motion and jitter x change sign (sample x was taken at x + 0.5 + jx, so after the flip it sits at
 * x' + 0.5 − jx), and the lens centre moves to 1 − u, which makes every lens_x input its negative. A mirrored left eye
 * is a plausible right eye.
 */
public final class Mirror {
    private Mirror() {
    }

    public static TrainSequence of(TrainSequence s) {
        List<TrainFrame> frames = new ArrayList<>();
        for (TrainFrame f : s.frames()) {
            frames.add(of(f));
        }
        return new TrainSequence(s.name() + "/mirrored", frames);
    }

    public static TrainFrame of(TrainFrame f) {
        GBufferData g = f.gbuffer();
        ImageData motion = flip(g.motion());
        float[] m = motion.data();
        for (int i = 0; i < m.length; i += 2) {
            m[i] = -m[i];
        }
        GBufferData mirrored = new GBufferData(flip(g.colour()), flip(g.depth()), motion, -g.jitterX(),
                g.jitterY());
        EyeParams p = f.params();
        EyeParams params = new EyeParams(p.outWidth(), p.outHeight(), 1f - p.lensCentreU(), p.lensCentreV(),
                p.lensScaleX(), p.lensScaleY(), p.reset());
        return new TrainFrame(mirrored, params, flip(f.reference()));
    }

    /** A new image, flipped left to right. */
    static ImageData flip(ImageData in) {
        ImageData out = ImageData.zeros(in.width(), in.height(), in.channels());
        int c = in.channels();
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                int src = in.index(x, y, 0);
                int dst = out.index(in.width() - 1 - x, y, 0);
                System.arraycopy(in.data(), src, out.data(), dst, c);
            }
        }
        return out;
    }
}
