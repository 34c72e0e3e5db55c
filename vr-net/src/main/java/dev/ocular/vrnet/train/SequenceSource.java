package dev.ocular.vrnet.train;

/**
 * Where the trainer gets its data: a fixed, indexed collection of sequences. vr-net consumes tensors, not scenes — the
 * compositor's dataset (rendered from test-scenes, stored in shards) implements this; tests use synthetic sources.
 * Implementations must be safe to call from several threads and return the same sequence for the same index.
 */
public interface SequenceSource {
    int size();

    TrainSequence sequence(int index);
}
