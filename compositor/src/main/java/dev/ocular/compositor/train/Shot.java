package dev.ocular.compositor.train;

import dev.ocular.scenes.rig.HeadMotion;
import java.util.Locale;

/**
 * One rendered camera path of the dataset: a scene built with {@code seed} (animation phases), a head path of
 * {@code motion} with the same seed, {@code frames} consecutive frames from {@code startFrame}, rendered at
 * {@code ratio} with one crop window per eye. Each eye becomes one training sequence.
 *
 * @param split "train" or "validation"
 */
public record Shot(String scene, HeadMotion motion, long seed, double ratio, long startFrame, int frames,
        EyeCrop left, EyeCrop right, String split) {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";

    public Shot {
        if (frames < 1 || startFrame < 0 || !(ratio >= 1 && ratio <= 3)) {
            throw new IllegalArgumentException("bad shot " + scene + ": " + frames + " frames from " + startFrame
                    + " at ratio " + ratio);
        }
        if (!split.equals(TRAIN) && !split.equals(VALIDATION)) {
            throw new IllegalArgumentException("unknown split " + split);
        }
        for (EyeCrop c : new EyeCrop[] {left, right}) {
            if (Math.round(c.width() / ratio) * ratio != c.width()
                    || Math.round(c.height() / ratio) * ratio != c.height()) {
                throw new IllegalArgumentException("crop " + c.width() + "x" + c.height() + " is not a whole number "
                        + "of low-resolution pixels at ratio " + ratio);
            }
        }
    }

    /** The low-resolution size of an eye's crop. */
    public int lowWidth(EyeCrop crop) {
        return (int) Math.round(crop.width() / ratio);
    }

    public int lowHeight(EyeCrop crop) {
        return (int) Math.round(crop.height() / ratio);
    }

    /** A file-name-safe identifier: scene, motion, seed, ratio, start. */
    public String id() {
        return String.format(Locale.ROOT, "%s_%s_s%d_r%.2f_f%d", scene, motion.id(), seed, ratio, startFrame);
    }
}
