package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK13.VK_ACCESS_2_MEMORY_READ_BIT;
import static org.lwjgl.vulkan.VK13.VK_ACCESS_2_MEMORY_WRITE_BIT;
import static org.lwjgl.vulkan.VK13.VK_ACCESS_2_SHADER_READ_BIT;
import static org.lwjgl.vulkan.VK13.VK_ACCESS_2_SHADER_WRITE_BIT;
import static org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
import static org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.ImageViewCache;
import dev.ocular.gpu.TimestampQueries;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.ArrayList;
import java.util.List;

/**
 * vr-net as the frame loop runs it: one {@link GpuVrNet} per member of a {@link NetEnsemble}, each with its own history,
 * recorded one after the other on the same inputs, then (for two or more members) {@link EnsembleMeanKernel} averages
 * their outputs into this object's per-eye output images. A one-member ensemble records its net and nothing else, so
 * its output, stages and timestamps are the net's own.
 *
 * <p>Timing: the stage names are the members' (they must match) plus {@link #MEAN_STAGE} for an ensemble; each member
 * writes its own block of timestamps and {@link #stageNanos} sums a stage over the members. Ownership: the members,
 * the mean kernel, and per eye an output image (RGBA16F, GENERAL layout) with its view; closed in reverse order.
 * Not thread-safe.
 */
public final class GpuEnsemble implements AutoCloseable {
    /**
     * Tolerance against reference/ReferenceEnsemble: each member's output is within GpuVrNet's bound of its reference,
     * so their mean is within the same max-abs (and, by convexity, NMSE), plus the mean kernel's half-ulp fp16 store.
     */
    public static final double NMSE_SCALAR = GpuVrNet.NMSE_SCALAR + EnsembleMeanKernel.NMSE;
    public static final double MAX_ABS_SCALAR = GpuVrNet.MAX_ABS_SCALAR + EnsembleMeanKernel.MAX_ABS;
    public static final double NMSE_COOPMAT = GpuVrNet.NMSE_COOPMAT + EnsembleMeanKernel.NMSE;
    public static final double MAX_ABS_COOPMAT = GpuVrNet.MAX_ABS_COOPMAT + EnsembleMeanKernel.MAX_ABS;
    /** The stage that averages the members' outputs (ensembles only). */
    public static final String MEAN_STAGE = "ensemble_mean";

    private final GpuContext gpu;
    private final NetEnsemble models;
    private final List<GpuVrNet> members;
    /** Null for a single member. */
    private final EnsembleMeanKernel mean;
    private final ImageViewCache views;
    private final List<String> stageNames;
    private final GpuImage[] outputs = new GpuImage[VrNetRunner.MAX_EYES];
    private boolean closed;

    private GpuEnsemble(GpuContext gpu, NetEnsemble models, List<GpuVrNet> members, EnsembleMeanKernel mean) {
        this.gpu = gpu;
        this.models = models;
        this.members = List.copyOf(members);
        this.mean = mean;
        this.views = new ImageViewCache(gpu.device());
        List<String> names = new ArrayList<>(members.get(0).stageNames());
        if (mean != null) {
            names.add(MEAN_STAGE);
        }
        this.stageNames = List.copyOf(names);
    }

    /** Builds every member's kernels for {@code path}; members must record the same stages (same spec shape). */
    public static GpuEnsemble create(GpuContext gpu, NetEnsemble models, NetPath path) {
        List<GpuVrNet> nets = new ArrayList<>();
        EnsembleMeanKernel mean = null;
        try {
            for (int i = 0; i < models.size(); i++) {
                nets.add(GpuVrNet.create(gpu, models.members().get(i), path));
                if (!nets.get(i).stageNames().equals(nets.get(0).stageNames())) {
                    throw new IllegalArgumentException("vr-net ensemble member " + (i + 1) + " records stages "
                            + nets.get(i).stageNames() + ", member 1 " + nets.get(0).stageNames());
                }
            }
            if (models.size() > 1) {
                mean = EnsembleMeanKernel.create(gpu, models.size());
            }
            return new GpuEnsemble(gpu, models, nets, mean);
        } catch (RuntimeException e) {
            if (mean != null) {
                mean.close();
            }
            for (int i = nets.size() - 1; i >= 0; i--) {
                nets.get(i).close();
            }
            throw e;
        }
    }

    public NetPath path() {
        return members.get(0).path();
    }

    public NetEnsemble models() {
        return models;
    }

    /** The members' nets, in order (benchmarks and tests look inside). */
    public List<GpuVrNet> members() {
        return members;
    }

    /** Member 1's stage names, then {@link #MEAN_STAGE} for an ensemble. */
    public List<String> stageNames() {
        return stageNames;
    }

    /** Queries one {@link #record} writes: each member's block, then two around the mean. */
    public int timestampCount() {
        return members.size() * members.get(0).timestampCount() + (mean == null ? 0 : 2);
    }

    /**
     * Each stage's duration from the queries one {@link #record} wrote starting at {@code first} ({@code stamps}
     * indexed from the pool's start; negative where not available): a member stage summed over the members, or -1 when
     * any member's pair is missing.
     */
    public long[] stageNanos(long[] stamps, int first) {
        long[] out = new long[stageNames.size()];
        int block = members.get(0).timestampCount();
        int memberStages = block - 1;
        for (int s = 0; s < memberStages; s++) {
            long sum = 0;
            for (int m = 0; m < members.size() && sum >= 0; m++) {
                int q = first + m * block + s;
                sum = stamps[q] < 0 || stamps[q + 1] < 0 ? -1 : sum + stamps[q + 1] - stamps[q];
            }
            out[s] = sum;
        }
        if (mean != null) {
            int q = first + members.size() * block;
            out[memberStages] = stamps[q] < 0 || stamps[q + 1] < 0 ? -1 : stamps[q + 1] - stamps[q];
        }
        return out;
    }

    /**
     * Records one stereo frame through every member and the mean; the contract is {@link GpuVrNet#record}'s, with
     * queries [firstQuery, firstQuery + {@link #timestampCount()}).
     */
    public void record(CommandBuffer cb, List<EyeGBuffer> eyes, List<EyeParams> params, TimestampQueries timestamps,
            int firstQuery) {
        prepare(cb, eyes, params);
        int block = members.get(0).timestampCount();
        for (int m = 0; m < members.size(); m++) {
            members.get(m).record(cb, eyes, params, timestamps, firstQuery + m * block);
        }
        if (mean == null) {
            return;
        }
        // The members' last stage wrote their outputs; the mean reads them and overwrites this object's outputs,
        // which an earlier frame's copy may still read (GpuVrNet's own record orders those before its first stage).
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT
                | VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT
                | VK_ACCESS_2_SHADER_WRITE_BIT);
        StageStamps stamps = new StageStamps(timestamps, firstQuery + members.size() * block);
        stamps.mark(cb);
        for (int e = 0; e < eyes.size(); e++) {
            List<ImageView> inputs = new ArrayList<>();
            for (GpuVrNet net : members) {
                inputs.add(views.single(net.output(e)));
            }
            mean.record(cb, inputs, views.single(outputs[e]), outputs[e].width(), outputs[e].height());
        }
        stamps.mark(cb);
    }

    /**
     * {@link GpuVrNet#prepare} for every member, then (re)allocates an eye's mean output when its size changed; call
     * ahead of {@link #record} to have {@link #output} images before the first frame.
     */
    public void prepare(CommandBuffer cb, List<EyeGBuffer> eyes, List<EyeParams> params) {
        for (GpuVrNet net : members) {
            net.prepare(cb, eyes, params);
        }
        if (mean == null) {
            return;
        }
        for (int e = 0; e < eyes.size(); e++) {
            GpuImage member = members.get(0).output(e);
            GpuImage o = outputs[e];
            if (o != null && o.width() == member.width() && o.height() == member.height()) {
                continue;
            }
            gpu.device().waitIdle();
            views.clear();
            if (o != null) {
                o.close();
                outputs[e] = null;
            }
            outputs[e] = HistoryPair.imageInGeneral(gpu, cb, member.width(), member.height());
        }
    }

    /**
     * The image the last {@link #record} wrote for {@code eye} (GENERAL layout, RGBA16F): the member's own for a single
     * member.
     */
    public GpuImage output(int eye) {
        if (mean == null) {
            return members.get(0).output(eye);
        }
        if (eye < 0 || eye >= outputs.length || outputs[eye] == null) {
            throw new IllegalStateException("eye " + eye + " has no output: no frame with it has been recorded");
        }
        return outputs[eye];
    }

    /** {@link GpuVrNet#forgetInputs()} for every member. */
    public void forgetInputs() {
        members.forEach(GpuVrNet::forgetInputs);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        views.close();
        for (int e = outputs.length - 1; e >= 0; e--) {
            if (outputs[e] != null) {
                outputs[e].close();
            }
        }
        if (mean != null) {
            mean.close();
        }
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).close();
        }
    }
}
