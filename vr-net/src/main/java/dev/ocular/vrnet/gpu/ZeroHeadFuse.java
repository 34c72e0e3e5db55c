package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageViewCache;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * vr-net's fuse kernel (shaders/fuse.comp) with a zero head and no network: with the TAAU baseline's constants this
 * is the TAAU baseline on the GPU, exactly as reference/FuseOp with a zero head is its CPU twin — one resolve, not two.
 * Eyes are dispatched one at a time (so a caller can time each) and keyed by an index of the caller's choosing; each
 * has its own {@link HistoryPair}, (re)made when its output size changes and then treated as reset, as on its first
 * frame. A replaced pair may still be in use by frames in flight, so it is kept until {@link #close} (resizes are rare).
 * The output is the caller's RGBA16F storage image in GENERAL layout; the G-buffer images must be shader-readable
 * with their writes visible to compute. Not thread-safe.
 *
 * <p>Tolerance against the CPU twin: the fuse kernel's own ({@link #NMSE}, {@link #MAX_ABS}; FuseKernel documents
 * them), since a constant head read with stride 0 is bit for bit the zero head FuseKernelTest feeds it.
 */
public final class ZeroHeadFuse implements AutoCloseable {
    public static final double NMSE = FuseKernel.NMSE_F32;
    public static final double MAX_ABS = FuseKernel.MAX_ABS_F32;
    /** Six fp32 zeros: the head channels fuse.comp reads (stride 0 broadcasts them to every pixel). */
    private static final long HEAD_BYTES = 6 * Float.BYTES;

    private final GpuContext gpu;
    private final FuseKernel kernel;
    private final Sampler sampler;
    private final GpuBuffer head;
    private final ImageViewCache views;
    private final Map<Integer, HistoryPair> eyes = new HashMap<>();
    private final List<HistoryPair> retired = new ArrayList<>();
    private final EyeSlot slot = new EyeSlot();
    private boolean headCleared;
    private boolean closed;

    private ZeroHeadFuse(GpuContext gpu, FuseKernel kernel, Sampler sampler, GpuBuffer head) {
        this.gpu = gpu;
        this.kernel = kernel;
        this.sampler = sampler;
        this.head = head;
        this.views = new ImageViewCache(gpu.device());
    }

    public static ZeroHeadFuse create(GpuContext gpu, FuseConstants constants) {
        Acquired made = new Acquired();
        try {
            FuseKernel kernel = FuseKernel.create(gpu, false, constants);
            made.keep(kernel);
            // texelFetch only: the sampler's filtering is never used, nearest keeps it honest.
            Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(false, false, 0f,
                    VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
            made.keep(sampler);
            GpuBuffer head = gpu.buffer(HEAD_BYTES, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                    MemoryUse.DEVICE_LOCAL);
            return new ZeroHeadFuse(gpu, kernel, sampler, head);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }

    /**
     * Records one eye's frame: reads {@code input} and the history this eye's previous frame wrote (unless
     * {@code reset}), writes every pixel of {@code output} (RGB linear, A = coverage) and the eye's next history.
     */
    public void record(CommandBuffer cb, int eye, EyeGBuffer input, GpuImage output, boolean reset) {
        if (!headCleared) {
            cb.fillBuffer(head, 0);
            cb.memoryBarrier(VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                    VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT);
            headCleared = true;
        }
        HistoryPair history = historyFor(cb, eye, output.width(), output.height());
        slot.input(input, views.array(input.colour()), views.array(input.depth()), views.array(input.motion()));
        slot.outputs(EyeParams.centred(output.width(), output.height(), reset), history.readView(),
                views.single(output), history.writeView(), history.valid());
        kernel.recordConstantHead(cb, slot, head, sampler);
        history.markWritten();
    }

    private HistoryPair historyFor(CommandBuffer cb, int eye, int width, int height) {
        HistoryPair h = eyes.get(eye);
        if (h != null && h.width == width && h.height == height) {
            return h;
        }
        if (h != null) {
            retired.add(h);
        }
        h = HistoryPair.create(gpu, cb, width, height);
        eyes.put(eye, h);
        return h;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        views.close();
        retired.forEach(HistoryPair::close);
        eyes.values().forEach(HistoryPair::close);
        head.close();
        sampler.close();
        kernel.close();
    }
}
