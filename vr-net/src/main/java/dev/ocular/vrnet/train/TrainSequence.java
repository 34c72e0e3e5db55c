package dev.ocular.vrnet.train;

import java.util.List;

/**
 * Consecutive eye-frames of one camera path, trained on in order so the net sees its own previous output as history.
 * The first frame must ask for a reset: a sequence never starts from someone else's history.
 *
 * @param name where it came from, for messages (e.g. {@code moire-textures/slow-pan/seed 3/2.0x/left/crop 1})
 */
public record TrainSequence(String name, List<TrainFrame> frames) {
    public TrainSequence {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("sequence " + name + " has no frames");
        }
        if (!frames.get(0).params().reset()) {
            throw new IllegalArgumentException("sequence " + name + " must start with a reset frame");
        }
    }
}
