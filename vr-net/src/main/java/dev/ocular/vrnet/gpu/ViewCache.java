package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.GpuDevice;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * 2-D array views of the renderer's G-buffer images, made on first use and kept, so a frame loop that reuses its
 * images creates no views per frame. Keyed by the {@link GpuImage} object. Owns the views; {@link #clear()} and
 * {@link #close()} destroy them, so the caller must have waited for work that uses them.
 */
final class ViewCache implements AutoCloseable {
    /** A frame loop cycles a handful of images; more than this means images are being recreated every frame. */
    static final int LIMIT = 64;

    private final GpuDevice device;
    private final Map<GpuImage, ImageView> views = new IdentityHashMap<>();

    ViewCache(GpuDevice device) {
        this.device = device;
    }

    ImageView arrayView(GpuImage image) {
        ImageView view = views.get(image);
        if (view == null) {
            if (views.size() >= LIMIT) {
                throw new IllegalStateException("more than " + LIMIT + " distinct G-buffer images were given to vr-net;"
                        + " call GpuVrNet.forgetInputs() after reallocating them");
            }
            view = ImageView.of(device, image, 0, image.spec().layers(), true);
            views.put(image, view);
        }
        return view;
    }

    void clear() {
        views.values().forEach(ImageView::close);
        views.clear();
    }

    @Override
    public void close() {
        clear();
    }
}
