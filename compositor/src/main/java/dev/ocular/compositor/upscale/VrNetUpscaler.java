package dev.ocular.compositor.upscale;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.TimestampQueries;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.gpu.GpuEnsemble;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkImageCopy;

/**
 * vr-net as a compositor method: every eye that uses it this frame goes through one {@link GpuEnsemble} (each
 * member's dispatch chain for the stereo batch, then the mean of their outputs), then each eye's result is copied into the pipeline's output image. vr-net keeps history per batch
 * slot, so whenever the set of eyes using it changes, every such eye's history is reset. Its stages are timed with
 * its own queries around the whole batch; each eye is credited its share.
 */
public final class VrNetUpscaler implements Upscaler {
    public static final String PREFIX = "vrnet.";

    private final GpuEnsemble net;
    private final TimestampQueries queries;
    private final List<String> stages;
    private final List<Integer> lastEyes = new ArrayList<>();
    private final List<Integer> timedEyes = new ArrayList<>();

    private VrNetUpscaler(GpuEnsemble net, TimestampQueries queries) {
        this.net = net;
        this.queries = queries;
        List<String> names = new ArrayList<>();
        for (String s : net.stageNames()) {
            names.add(PREFIX + s);
        }
        names.add(PREFIX + "copy");
        this.stages = List.copyOf(names);
    }

    public static VrNetUpscaler create(GpuContext gpu, NetEnsemble models, NetPath path) {
        GpuEnsemble net = GpuEnsemble.create(gpu, models, path);
        try {
            return new VrNetUpscaler(net, TimestampQueries.create(gpu.device(), net.timestampCount()));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    public NetPath path() {
        return net.path();
    }

    public String weightsLabel() {
        return net.models().weightsLabel();
    }

    @Override
    public Method method() {
        return Method.VRNET;
    }

    @Override
    public List<String> stages() {
        return stages;
    }

    @Override
    public void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer) {
        List<Integer> eyes = jobs.stream().map(EyeJob::eye).toList();
        boolean regrouped = !eyes.equals(lastEyes);
        List<EyeGBuffer> inputs = new ArrayList<>();
        List<EyeParams> params = new ArrayList<>();
        for (EyeJob job : jobs) {
            inputs.add(job.input());
            float scale = 1f / job.lensRadius();
            params.add(new EyeParams(job.output().width(), job.output().height(), job.lensCentreX(),
                    job.lensCentreY(), scale, scale, job.resetHistory() || regrouped));
        }
        lastEyes.clear();
        lastEyes.addAll(eyes);
        queries.resetAll();
        net.record(cb, inputs, params, queries, 0);
        timedEyes.clear();
        timedEyes.addAll(eyes);
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT);
        for (int i = 0; i < jobs.size(); i++) {
            EyeJob job = jobs.get(i);
            timer.begin(cb, job.eye(), PREFIX + "copy");
            copy(cb, net.output(i), job.output());
            timer.end(cb, job.eye(), PREFIX + "copy");
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
    }

    /** Both images stay in GENERAL layout, where copies are allowed. */
    private static void copy(CommandBuffer cb, GpuImage from, GpuImage to) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkImageCopy.Buffer region = VkImageCopy.calloc(1, stack);
            region.get(0).srcSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1))
                    .dstSubresource(s -> s.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1))
                    .extent(e -> e.set(to.width(), to.height(), 1));
            vkCmdCopyImage(cb.handle(), from.handle(), VK_IMAGE_LAYOUT_GENERAL, to.handle(), VK_IMAGE_LAYOUT_GENERAL,
                    region);
        }
    }

    @Override
    public void collect(FrameLog log, int row) {
        if (timedEyes.isEmpty()) {
            return;
        }
        long[] nanos = net.stageNanos(queries.readAvailable(), 0);
        List<String> names = net.stageNames();
        for (int s = 0; s < names.size(); s++) {
            if (nanos[s] < 0) {
                continue;
            }
            int column = log.stages().indexOf(PREFIX + names.get(s));
            long share = nanos[s] / timedEyes.size();
            for (int eye : timedEyes) {
                log.gpu(row, eye, column, share);
            }
        }
        timedEyes.clear();
    }

    @Override
    public void close() {
        queries.close();
        net.close();
    }
}
