package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.Bindings;
import java.util.Arrays;

/**
 * Remembers the last few {@link Bindings} a kernel pushed, keyed by the handles (and layouts) they name, so a steady
 * frame loop re-pushes the same objects instead of building new ones every frame. Two entries cover the ping-pong
 * of history and output images. Usage: fill {@link #key()}, then {@link #lookup()}; on a miss {@link #store}.
 */
final class CachedBindings {
    private final long[] key;
    private final long[][] keys;
    private final Bindings[] values;
    private int next;

    CachedBindings(int keyLength, int entries) {
        this.key = new long[keyLength];
        this.keys = new long[entries][keyLength];
        this.values = new Bindings[entries];
    }

    /** The scratch key the caller fills before {@link #lookup()}. */
    long[] key() {
        return key;
    }

    /** The bindings stored under the current key, or null. */
    Bindings lookup() {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && Arrays.equals(keys[i], key)) {
                return values[i];
            }
        }
        return null;
    }

    /** Stores {@code bindings} under the current key, replacing the oldest entry; returns them. */
    Bindings store(Bindings bindings) {
        System.arraycopy(key, 0, keys[next], 0, key.length);
        values[next] = bindings;
        next = (next + 1) % values.length;
        return bindings;
    }
}
