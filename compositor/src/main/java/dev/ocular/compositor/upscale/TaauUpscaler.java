package dev.ocular.compositor.upscale;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.vrnet.gpu.ZeroHeadFuse;
import java.util.List;

/**
 * The TAAU baseline on the GPU: vr-net's fuse kernel with a zero head and TAAU's constants ({@link ZeroHeadFuse}),
 * just as its CPU twin {@link TaauReference} (which documents the algorithm) is vr-net's fuse op with a zero head. So
 * the baseline and the product share one resolve, and the learned head is the only difference between them. Each eye
 * is dispatched and timed on its own and keeps its own history, (re)made when its output size changes and then treated
 * as reset, as on the first frame and whenever {@link EyeJob#resetHistory()} is set. {@link #record} assumes the
 * recorded work is submitted: it advances the history ping-pong.
 *
 * <p>Tolerance against the twin: the fuse kernel's ({@link ZeroHeadFuse#NMSE}, {@link ZeroHeadFuse#MAX_ABS}).
 */
public final class TaauUpscaler implements Upscaler {
    public static final double MAX_ABS = ZeroHeadFuse.MAX_ABS;
    public static final double NMSE = ZeroHeadFuse.NMSE;
    private static final String STAGE = "taau";

    private final ZeroHeadFuse fuse;

    private TaauUpscaler(ZeroHeadFuse fuse) {
        this.fuse = fuse;
    }

    public static TaauUpscaler create(GpuContext gpu, TaauSettings settings) {
        return new TaauUpscaler(ZeroHeadFuse.create(gpu, TaauReference.constants(settings)));
    }

    @Override
    public Method method() {
        return Method.TAAU;
    }

    @Override
    public List<String> stages() {
        return List.of(STAGE);
    }

    @Override
    public void record(CommandBuffer cb, List<EyeJob> jobs, StageTimer timer) {
        // Last frame's history writes (and reads of the images written now) come before this frame's dispatches.
        cb.computeToCompute();
        for (EyeJob job : jobs) {
            timer.begin(cb, job.eye(), STAGE);
            fuse.record(cb, job.eye(), job.input(), job.output(), job.resetHistory());
            timer.end(cb, job.eye(), STAGE);
        }
    }

    @Override
    public void close() {
        fuse.close();
    }
}
