package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;

import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XrCompositionLayerBaseHeader;
import org.lwjgl.openxr.XrCompositionLayerProjection;
import org.lwjgl.openxr.XrCompositionLayerProjectionView;
import org.lwjgl.openxr.XrFrameBeginInfo;
import org.lwjgl.openxr.XrFrameEndInfo;
import org.lwjgl.openxr.XrFrameState;
import org.lwjgl.openxr.XrFrameWaitInfo;
import org.lwjgl.openxr.XrView;
import org.lwjgl.openxr.XrViewLocateInfo;
import org.lwjgl.openxr.XrViewState;
import org.lwjgl.system.MemoryUtil;

/**
 * The per-frame OpenXR calls — wait, begin, locate views, end with a stereo projection layer — on structs allocated
 * once, so the frame loop allocates nothing natively. Keeps the CTS-checked order: begin only after wait, end only
 * after begin. Not thread-safe.
 */
public final class FrameClock implements AutoCloseable {
    /** What xrWaitFrame predicted, plus how long the call blocked. */
    public record Timing(long predictedDisplayTime, long predictedDisplayPeriod, boolean shouldRender,
            long waitNanos) {
    }

    private final OpenXrSession session;
    private final XrFrameState frameState = XrFrameState.calloc().type$Default();
    private final XrFrameWaitInfo waitInfo = XrFrameWaitInfo.calloc().type$Default();
    private final XrFrameBeginInfo beginInfo = XrFrameBeginInfo.calloc().type$Default();
    private final XrFrameEndInfo endInfo = XrFrameEndInfo.calloc().type$Default();
    private final XrViewLocateInfo locateInfo = XrViewLocateInfo.calloc().type$Default();
    private final XrViewState viewState = XrViewState.calloc().type$Default();
    private final XrView.Buffer views = XrView.calloc(2);
    private final IntBuffer viewCount = MemoryUtil.memAllocInt(1);
    private final XrCompositionLayerProjectionView.Buffer projectionViews = XrCompositionLayerProjectionView.calloc(2);
    private final XrCompositionLayerProjection projection = XrCompositionLayerProjection.calloc().type$Default();
    private final PointerBuffer layers = MemoryUtil.memAllocPointer(1);
    private boolean waited;
    private boolean begun;
    private boolean closed;

    public FrameClock(OpenXrSession session) {
        this.session = session;
        views.forEach(v -> v.type$Default());
        projectionViews.forEach(v -> v.type$Default());
    }

    public Timing waitFrame() {
        long start = System.nanoTime();
        XrException.check(xrWaitFrame(session.handle(), waitInfo, frameState), "xrWaitFrame");
        waited = true;
        return new Timing(frameState.predictedDisplayTime(), frameState.predictedDisplayPeriod(),
                frameState.shouldRender(), System.nanoTime() - start);
    }

    /** @return false when the runtime discarded the previous frame (XR_FRAME_DISCARDED, a success code) */
    public boolean beginFrame() {
        if (!waited) {
            throw new IllegalStateException("xrBeginFrame without xrWaitFrame");
        }
        int result = XrException.check(xrBeginFrame(session.handle(), beginInfo), "xrBeginFrame");
        waited = false;
        begun = true;
        return result != XR_FRAME_DISCARDED;
    }

    /** Locates both eyes at {@code displayTime} in {@code space}; false when the runtime reports no valid pose. */
    public boolean locateViews(ReferenceSpace space, long displayTime, EyeView[] out) {
        locateInfo.viewConfigurationType(XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO).displayTime(displayTime)
                .space(space.handle());
        XrException.check(xrLocateViews(session.handle(), locateInfo, viewState, viewCount, views), "xrLocateViews");
        long valid = XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT;
        for (int eye = 0; eye < 2; eye++) {
            XrView v = views.get(eye);
            out[eye] = new EyeView(v.pose().position$().x(), v.pose().position$().y(), v.pose().position$().z(),
                    v.pose().orientation().x(), v.pose().orientation().y(), v.pose().orientation().z(),
                    v.pose().orientation().w(), v.fov().angleLeft(), v.fov().angleRight(), v.fov().angleUp(),
                    v.fov().angleDown());
        }
        return viewCount.get(0) == 2 && (viewState.viewStateFlags() & valid) == valid;
    }

    /** Ends the frame with one projection layer showing each eye's whole swapchain image at its located view. */
    public void endFrame(long displayTime, ReferenceSpace space, EyeSwapchain[] eyes, EyeView[] located) {
        for (int eye = 0; eye < 2; eye++) {
            EyeView v = located[eye];
            XrCompositionLayerProjectionView pv = projectionViews.get(eye);
            pv.pose().position$().set(v.px(), v.py(), v.pz());
            pv.pose().orientation().set(v.qx(), v.qy(), v.qz(), v.qw());
            pv.fov().set(v.angleLeft(), v.angleRight(), v.angleUp(), v.angleDown());
            pv.subImage().swapchain(eyes[eye].handle()).imageArrayIndex(0);
            pv.subImage().imageRect().offset().set(0, 0);
            pv.subImage().imageRect().extent().set(eyes[eye].width(), eyes[eye].height());
        }
        projection.space(space.handle()).views(projectionViews);
        layers.put(0, projection.address());
        end(displayTime, layers);
    }

    /** Ends the frame with no layers (shouldRender was false, or nothing to show). */
    public void endFrameEmpty(long displayTime) {
        end(displayTime, null);
    }

    private void end(long displayTime, PointerBuffer layerList) {
        if (!begun) {
            throw new IllegalStateException("xrEndFrame without xrBeginFrame");
        }
        endInfo.displayTime(displayTime).environmentBlendMode(XR_ENVIRONMENT_BLEND_MODE_OPAQUE)
                .layers(layerList);
        if (layerList == null) {
            endInfo.layerCount(0);
        }
        XrException.check(xrEndFrame(session.handle(), endInfo), "xrEndFrame");
        begun = false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        frameState.free();
        waitInfo.free();
        beginInfo.free();
        endInfo.free();
        locateInfo.free();
        viewState.free();
        views.free();
        MemoryUtil.memFree(viewCount);
        projectionViews.free();
        projection.free();
        MemoryUtil.memFree(layers);
    }

    /** The layer header type, for callers building other layer kinds. */
    static XrCompositionLayerBaseHeader header(XrCompositionLayerProjection p) {
        return XrCompositionLayerBaseHeader.create(p.address());
    }
}
