package dev.ocular.gpu;

import java.util.HashMap;
import java.util.Map;

/**
 * Views of images that others own and keep across frames (renderer targets, upscaler outputs), made once per image
 * and kind and closed together. Keyed by the {@link GpuImage} object, not its Vulkan handle: a driver may hand a new
 * image the handle of one just destroyed (lavapipe's handles are heap addresses), and a handle key would then return a
 * view of the destroyed image. Views of images their owner replaced stay until {@link #forget} or {@link #close}.
 */
public final class ImageViewCache implements AutoCloseable {
    private record Key(GpuImage image, boolean array) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.image == image && k.array == array;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(image) * 2 + (array ? 1 : 0);
        }
    }

    private final GpuDevice device;
    private final Map<Key, ImageView> views = new HashMap<>();

    public ImageViewCache(GpuDevice device) {
        this.device = device;
    }

    /** A 2-D array view of every layer (what kernels that index eyes by layer sample). */
    public ImageView array(GpuImage image) {
        return views.computeIfAbsent(new Key(image, true),
                k -> ImageView.of(device, image, 0, image.spec().layers(), true));
    }

    /** A 2-D view of layer 0 (storage-image outputs). */
    public ImageView single(GpuImage image) {
        return views.computeIfAbsent(new Key(image, false), k -> ImageView.of(device, image, 0, 1, false));
    }

    /** Drops (and closes) the views of an image about to be destroyed. */
    public void forget(GpuImage image) {
        for (boolean array : new boolean[] {true, false}) {
            ImageView view = views.remove(new Key(image, array));
            if (view != null) {
                view.close();
            }
        }
    }

    /** How many views are held (a frame loop that reuses its images keeps this small and constant). */
    public int size() {
        return views.size();
    }

    /** Closes every view; the caller has waited for the work that used them. */
    public void clear() {
        views.values().forEach(ImageView::close);
        views.clear();
    }

    @Override
    public void close() {
        clear();
    }
}
