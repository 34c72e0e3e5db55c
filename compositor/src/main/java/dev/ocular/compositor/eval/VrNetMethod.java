package dev.ocular.compositor.eval;

import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.ArrayList;
import java.util.List;

/**
 * vr-net through the executor the product runs ({@link VrNetRunner}: the Vulkan scalar or coopmat path, or the CPU
 * reference; every member of the ensemble, outputs averaged), both eyes per call, with the lens the compositor assumes for a whole eye (centred, [−1, 1]).
 */
final class VrNetMethod implements EvalMethod {
    private final VrNetRunner runner;
    private final int outWidth;
    private final int outHeight;

    VrNetMethod(GpuContext gpu, NetEnsemble models, NetPath path, int outWidth, int outHeight) {
        this.runner = VrNetRunner.open(gpu, models, path);
        this.outWidth = outWidth;
        this.outHeight = outHeight;
    }

    @Override
    public Method method() {
        return Method.VRNET;
    }

    @Override
    public List<ImageData> frame(List<GBufferData> eyes, boolean reset) {
        List<EyeInput> inputs = new ArrayList<>();
        for (GBufferData g : eyes) {
            inputs.add(new EyeInput(g, EyeParams.centred(outWidth, outHeight, reset)));
        }
        return runner.run(inputs);
    }

    @Override
    public void close() {
        runner.close();
    }
}
