package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.List;

/**
 * CPU twin of shaders/ensemble_mean.comp: an output ensemble's image is the plain mean of its members' outputs, per
 * texel and channel (alpha, the coverage, too), summed in fp32 in member order and divided by the member count, as
 * the kernel does. The kernel then rounds to the fp16 its image keeps; this result is unrounded. Pure.
 */
public final class EnsembleMean {
    /** A single network needs no mean: the kernel is made for 2 or more. */
    public static final int MIN_MEMBERS = 2;

    private EnsembleMean() {
    }

    /**
     * @param members 2 to {@link NetEnsemble#MAX_MEMBERS} images of one shape (the members' outputs for one eye)
     * @return a new image of that shape
     */
    public static ImageData apply(List<ImageData> members) {
        int n = members.size();
        if (n < MIN_MEMBERS || n > NetEnsemble.MAX_MEMBERS) {
            throw new IllegalArgumentException("an ensemble mean takes " + MIN_MEMBERS + " to "
                    + NetEnsemble.MAX_MEMBERS + " members, got " + n);
        }
        ImageData first = members.get(0);
        for (int m = 1; m < n; m++) {
            ImageData other = members.get(m);
            if (other.width() != first.width() || other.height() != first.height()
                    || other.channels() != first.channels()) {
                throw new IllegalArgumentException("ensemble member " + m + " is " + shape(other) + ", member 0 is "
                        + shape(first));
            }
        }
        float[] out = new float[first.data().length];
        for (int i = 0; i < out.length; i++) {
            float sum = first.data()[i];
            for (int m = 1; m < n; m++) {
                sum += members.get(m).data()[i];
            }
            out[i] = sum / n;
        }
        return new ImageData(first.width(), first.height(), first.channels(), out);
    }

    private static String shape(ImageData image) {
        return image.width() + "x" + image.height() + "x" + image.channels();
    }
}
