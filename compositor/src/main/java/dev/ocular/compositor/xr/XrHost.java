package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.XR_REFERENCE_SPACE_TYPE_LOCAL;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.GpuOptions;
import java.util.List;

/**
 * Everything one OpenXR session needs, opened in order and closed in reverse: runtime → Vulkan context created by
 * the runtime → session → reference space → frame clock → per-eye swapchains (created once the session exists).
 * {@link #frame(EyeRenderer)} runs one iteration of the frame loop; the caller decides when to stop.
 */
public final class XrHost implements AutoCloseable {
    /** Colour formats ocular can write, in no particular order; the runtime's order of preference decides. */
    private static final List<Integer> WRITABLE_FORMATS = List.of(VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB,
            VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_B8G8R8A8_UNORM);

    /** Records both eyes' images into their acquired swapchain images (COLOR_ATTACHMENT_OPTIMAL in and out). */
    public interface FrameRenderer {
        void record(CommandBuffer cb, GpuImage[] targets, EyeView[] views, FrameClock.Timing timing);

        /** Called after the GPU finished the frame and before the images are released (captures, readbacks). */
        default void afterGpu(GpuImage[] targets) {
        }
    }

    /** What one call of {@link #frame} did. */
    public enum FrameOutcome { IDLE, RENDERED, EMPTY, DISCARDED, OVER }

    /**
     * One frame-loop iteration: its outcome, what xrWaitFrame predicted (null when no frame was waited for), and the
     * host time of each phase in nanoseconds — wait, begin, record, submit (until the GPU finished), end.
     */
    public record FrameResult(FrameOutcome outcome, FrameClock.Timing timing, long waitNanos, long beginNanos,
            long recordNanos, long submitNanos, long endNanos) {
        static FrameResult without(FrameOutcome outcome) {
            return new FrameResult(outcome, null, 0, 0, 0, 0, 0);
        }
    }

    private final XrRuntime runtime;
    private final GpuContext gpu;
    private final OpenXrSession session;
    private final ReferenceSpace space;
    private final FrameClock clock;
    private final EyeSwapchain[] eyes = new EyeSwapchain[2];
    private final EyeView[] views = new EyeView[2];
    private final GpuImage[] targets = new GpuImage[2];
    private final int[] eyeSize;
    private FrameClock.Timing lastTiming;
    private boolean closed;

    private XrHost(XrRuntime runtime, GpuContext gpu, OpenXrSession session, ReferenceSpace space, FrameClock clock,
            int[] eyeSize) {
        this.runtime = runtime;
        this.gpu = gpu;
        this.session = session;
        this.space = space;
        this.clock = clock;
        this.eyeSize = eyeSize;
    }

    /**
     * @param eyeSize swapchain width and height per eye, or null for the runtime's recommended size
     */
    public static XrHost open(String applicationName, GpuOptions options, int[] eyeSize) {
        XrRuntime runtime = XrRuntime.create(applicationName);
        GpuContext gpu = null;
        OpenXrSession session = null;
        ReferenceSpace space = null;
        try {
            gpu = GpuContext.create(options.withBootstrap(new XrVulkanBootstrap(runtime)));
            session = OpenXrSession.create(runtime, gpu);
            space = ReferenceSpace.create(session, XR_REFERENCE_SPACE_TYPE_LOCAL);
            RuntimeInfo.ViewInfo view = runtime.info().views().get(0);
            int[] size = eyeSize != null ? eyeSize : new int[] {view.recommendedWidth(), view.recommendedHeight()};
            if (size[0] > view.maxWidth() || size[1] > view.maxHeight()) {
                throw new IllegalArgumentException("eye size " + size[0] + "x" + size[1] + " exceeds the runtime's "
                        + "maximum " + view.maxWidth() + "x" + view.maxHeight());
            }
            XrHost host = new XrHost(runtime, gpu, session, space, new FrameClock(session), size);
            host.createSwapchains();
            return host;
        } catch (RuntimeException e) {
            throw Acquired.failed(e, space, session, gpu, runtime);
        }
    }

    private void createSwapchains() {
        int format = chooseFormat(session.swapchainFormats());
        for (int eye = 0; eye < 2; eye++) {
            eyes[eye] = EyeSwapchain.create(session, eyeSize[0], eyeSize[1], format);
        }
    }

    static int chooseFormat(long[] runtimeOrder) {
        for (long f : runtimeOrder) {
            if (WRITABLE_FORMATS.contains((int) f)) {
                return (int) f;
            }
        }
        throw new XrUnavailableException("the OpenXR runtime offers no swapchain format ocular can write", null);
    }

    public GpuContext gpu() {
        return gpu;
    }

    public XrRuntime runtime() {
        return runtime;
    }

    public OpenXrSession session() {
        return session;
    }

    public EyeSwapchain swapchain(int eye) {
        return eyes[eye];
    }

    public FrameClock.Timing lastTiming() {
        return lastTiming;
    }

    /**
     * One iteration: drain events; when the session runs, wait, begin, locate views, record both eyes into one
     * command buffer, submit, wait for the GPU, release, end. Returns what happened and how long each phase took.
     */
    public FrameResult frame(FrameRenderer renderer) {
        session.pollEvents();
        if (session.isOver()) {
            return FrameResult.without(FrameOutcome.OVER);
        }
        if (!session.isRunning()) {
            return FrameResult.without(FrameOutcome.IDLE);
        }
        lastTiming = clock.waitFrame();
        long t0 = System.nanoTime();
        boolean kept = clock.beginFrame();
        long t1 = System.nanoTime();
        if (!lastTiming.shouldRender() || !clock.locateViews(space, lastTiming.predictedDisplayTime(), views)) {
            clock.endFrameEmpty(lastTiming.predictedDisplayTime());
            long t2 = System.nanoTime();
            return new FrameResult(kept ? FrameOutcome.EMPTY : FrameOutcome.DISCARDED, lastTiming,
                    lastTiming.waitNanos(), t1 - t0, 0, 0, t2 - t1);
        }
        for (int eye = 0; eye < 2; eye++) {
            targets[eye] = eyes[eye].acquire();
        }
        long t2;
        long t3;
        try (CommandBuffer cb = gpu.commandPool().allocate()) {
            cb.begin();
            renderer.record(cb, targets, views, lastTiming);
            cb.end();
            t2 = System.nanoTime();
            gpu.await(gpu.submit(cb, List.of()), cb);
            t3 = System.nanoTime();
        }
        renderer.afterGpu(targets);
        for (int eye = 0; eye < 2; eye++) {
            eyes[eye].release();
        }
        clock.endFrame(lastTiming.predictedDisplayTime(), space, eyes, views);
        long t4 = System.nanoTime();
        return new FrameResult(kept ? FrameOutcome.RENDERED : FrameOutcome.DISCARDED, lastTiming,
                lastTiming.waitNanos(), t1 - t0, t2 - t1, t3 - t2, t4 - t3);
    }

    public void requestExit() {
        session.requestExit();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gpu.device().waitIdle();
        for (int eye = 1; eye >= 0; eye--) {
            if (eyes[eye] != null) {
                eyes[eye].close();
            }
        }
        clock.close();
        space.close();
        session.close();
        gpu.close();
        runtime.close();
    }
}
