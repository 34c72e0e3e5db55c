package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.Sampler;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The size-independent GPU objects of one executor: a nearest sampler (the kernels only texelFetch), the pack kernel,
 * one convolution stage per layer and the fuse kernel. Built together so a failure part-way frees what was made.
 */
record NetKernels(Sampler sampler, PackKernel pack, List<ConvStage> convs, FuseKernel fuse) {

    /** @param plan the coopmat plan, or null for the scalar path */
    static NetKernels create(GpuContext gpu, NetModel model, CoopMatPlan plan) {
        boolean fp16 = plan != null;
        Acquired made = new Acquired();
        try {
            Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            made.keep(sampler);
            PackKernel pack = PackKernel.create(gpu, fp16, model.spec().motionSoftsign());
            made.keep(pack);
            List<ConvStage> convs = new ArrayList<>();
            for (ConvWeights w : model.layers()) {
                ConvStage c = fp16 ? CoopMatConv.create(gpu, w, plan) : ScalarConv.create(gpu, w);
                made.keep(c);
                convs.add(c);
            }
            FuseKernel fuse = FuseKernel.create(gpu, fp16, model.spec().fuse());
            return new NetKernels(sampler, pack, List.copyOf(convs), fuse);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }
}
