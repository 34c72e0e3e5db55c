package dev.ocular.compositor.run;

import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.ResampleUpscaler;
import dev.ocular.compositor.upscale.SpatialSettings;
import dev.ocular.compositor.upscale.SpatialUpscaler;
import dev.ocular.compositor.upscale.TaauSettings;
import dev.ocular.compositor.upscale.TaauUpscaler;
import dev.ocular.compositor.upscale.Upscalers;
import dev.ocular.compositor.upscale.VrNetUpscaler;
import dev.ocular.gpu.GpuContext;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.Optional;

/** Creates the upscalers a run can switch between. */
public final class UpscalerSetup {
    private UpscalerSetup() {
    }

    /** The methods a run offers: vr-net when weights are present, then the baselines, in menu order. */
    public static java.util.List<Method> available(boolean vrnet) {
        java.util.List<Method> methods = new java.util.ArrayList<>();
        if (vrnet) {
            methods.add(Method.VRNET);
        }
        methods.addAll(java.util.List.of(Method.TAAU, Method.SPATIAL, Method.BICUBIC, Method.LANCZOS,
                Method.BILINEAR));
        return methods;
    }

    /**
     * @param model    vr-net's members (the shipped ones, or files); empty: vr-net is not available in this run
     * @param netPath  vr-net executor: reference|scalar|coopmat, or null for OCULAR_NET_PATH / the device's default
     */
    static Upscalers all(GpuContext gpu, Optional<NetEnsemble> model, String netPath) {
        Upscalers upscalers = new Upscalers();
        try {
            if (model.isPresent()) {
                NetPath path = NetPath.resolve(netPath, System.getenv(), gpu.capabilities());
                upscalers.add(VrNetUpscaler.create(gpu, model.get(), path));
            }
            upscalers.add(TaauUpscaler.create(gpu, TaauSettings.defaults()));
            upscalers.add(SpatialUpscaler.create(gpu, SpatialSettings.defaults()));
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
