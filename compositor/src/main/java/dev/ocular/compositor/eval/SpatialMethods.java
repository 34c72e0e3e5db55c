package dev.ocular.compositor.eval;

import dev.ocular.compositor.upscale.ClassicResample;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.ResampleKernel;
import dev.ocular.compositor.upscale.SpatialReference;
import dev.ocular.compositor.upscale.SpatialSettings;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-frame baselines through their CPU references: jitter-aware bilinear, bicubic (Catmull-Rom), Lanczos-2
 * ({@link ClassicResample}) and the edge-adaptive spatial upscaler ({@link SpatialReference}, default settings).
 */
final class SpatialMethods implements EvalMethod {
    private final Method method;
    private final int outWidth;
    private final int outHeight;

    SpatialMethods(Method method, int outWidth, int outHeight) {
        if (method.temporal()) {
            throw new IllegalArgumentException(method + " is temporal");
        }
        this.method = method;
        this.outWidth = outWidth;
        this.outHeight = outHeight;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public List<ImageData> frame(List<GBufferData> eyes, boolean reset) {
        List<ImageData> out = new ArrayList<>();
        for (GBufferData g : eyes) {
            out.add(switch (method) {
                case BILINEAR -> resample(g, ResampleKernel.BILINEAR);
                case BICUBIC -> resample(g, ResampleKernel.BICUBIC);
                case LANCZOS -> resample(g, ResampleKernel.LANCZOS2);
                case SPATIAL -> SpatialReference.upscale(g.colour(), g.jitterX(), g.jitterY(), outWidth, outHeight,
                        SpatialSettings.defaults());
                default -> throw new IllegalStateException("not a spatial method: " + method);
            });
        }
        return out;
    }

    private ImageData resample(GBufferData g, ResampleKernel kernel) {
        return ClassicResample.upscale(g.colour(), g.jitterX(), g.jitterY(), outWidth, outHeight, kernel);
    }
}
