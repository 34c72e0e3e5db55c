package dev.ocular.gpu;

import java.util.HashMap;
import java.util.Map;

/**
 * Views of images that others own and keep across frames (renderer targets, upscaler outputs), made once per image
 * and kind and closed together. Owners of the images must close this cache before destroying them.
 */
public final class ImageViewCache implements AutoCloseable {
    private record Key(long image, boolean array) {
    }

    private final GpuDevice device;
    private final Map<Key, ImageView> views = new HashMap<>();

    public ImageViewCache(GpuDevice device) {
        this.device = device;
    }

    /** A 2-D array view of every layer (what kernels that index eyes by layer sample). */
    public ImageView array(GpuImage image) {
        return views.computeIfAbsent(new Key(image.handle(), true),
                k -> ImageView.of(device, image, 0, image.spec().layers(), true));
    }

    /** A 2-D view of layer 0 (storage-image outputs). */
    public ImageView single(GpuImage image) {
        return views.computeIfAbsent(new Key(image.handle(), false), k -> ImageView.of(device, image, 0, 1, false));
    }

    /** Drops (and closes) the views of an image about to be destroyed. */
    public void forget(GpuImage image) {
        for (boolean array : new boolean[] {true, false}) {
            ImageView view = views.remove(new Key(image.handle(), array));
            if (view != null) {
                view.close();
            }
        }
    }

    @Override
    public void close() {
        views.values().forEach(ImageView::close);
        views.clear();
    }
}
