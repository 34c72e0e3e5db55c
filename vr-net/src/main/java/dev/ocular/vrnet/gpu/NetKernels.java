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
 * one convolution stage per layer, the fuse kernel and, for a spec with a refine stage, one convolution stage per
 * refine layer and the apply kernel ({@code refine} empty and {@code apply} null without one). Built together so a
 * failure part-way frees what was made.
 */
record NetKernels(Sampler sampler, PackKernel pack, List<ConvStage> convs, FuseKernel fuse, List<ConvStage> refine,
        RefineApplyKernel apply) {

    /** @param plan the coopmat plan, or null for the scalar path */
    static NetKernels create(GpuContext gpu, NetModel model, CoopMatPlan plan) {
        boolean fp16 = plan != null;
        Acquired made = new Acquired();
        try {
            Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            made.keep(sampler);
            PackKernel pack = PackKernel.create(gpu, fp16, model.spec().motionSoftsign(),
                    model.spec().inputs());
            made.keep(pack);
            List<ConvStage> convs = new ArrayList<>();
            for (ConvWeights w : model.layers()) {
                convs.add(made.keep(conv(gpu, w, plan)));
            }
            boolean refined = !model.refine().isEmpty();
            FuseKernel fuse = made.keep(FuseKernel.create(gpu, fp16, model.spec().fuse(),
                    refined ? model.spec().guides() : -1));
            List<ConvStage> refine = new ArrayList<>();
            for (ConvWeights w : model.refine()) {
                refine.add(made.keep(conv(gpu, w, plan)));
            }
            RefineApplyKernel apply = refined ? made.keep(RefineApplyKernel.create(gpu, fp16,
                    model.spec().refineGate(), model.spec().refineKernel(), model.spec().refineClamp())) : null;
            return new NetKernels(sampler, pack, List.copyOf(convs), fuse, List.copyOf(refine), apply);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }

    private static ConvStage conv(GpuContext gpu, ConvWeights w, CoopMatPlan plan) {
        return plan != null ? CoopMatConv.create(gpu, w, plan) : ScalarConv.create(gpu, w);
    }
}
