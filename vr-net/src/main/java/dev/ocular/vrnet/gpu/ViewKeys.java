package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.ImageView;

/** Writes (view handle, image layout) pairs into a {@link CachedBindings} key: a binding depends on both. */
final class ViewKeys {
    private ViewKeys() {
    }

    static void put(long[] key, int at, ImageView a, ImageView b, ImageView c, ImageView d) {
        put(key, at, a);
        put(key, at + 2, b);
        put(key, at + 4, c);
        put(key, at + 6, d);
    }

    static void put(long[] key, int at, ImageView view) {
        key[at] = view.handle();
        key[at + 1] = view.image().layout();
    }
}
