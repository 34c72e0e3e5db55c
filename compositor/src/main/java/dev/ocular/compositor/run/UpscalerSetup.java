package dev.ocular.compositor.run;

import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.ResampleUpscaler;
import dev.ocular.compositor.upscale.Upscalers;
import dev.ocular.gpu.GpuContext;

/** Creates the upscalers a run can switch between. */
final class UpscalerSetup {
    private UpscalerSetup() {
    }

    static Upscalers all(GpuContext gpu) {
        Upscalers upscalers = new Upscalers();
        try {
            for (Method m : new Method[] {Method.BICUBIC, Method.LANCZOS, Method.BILINEAR}) {
                upscalers.add(ResampleUpscaler.create(gpu, m));
            }
            return upscalers;
        } catch (RuntimeException e) {
            upscalers.close();
            throw e;
        }
    }
}
