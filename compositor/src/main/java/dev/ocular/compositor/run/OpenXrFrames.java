package dev.ocular.compositor.run;

import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.compositor.sink.SwapchainCompose;
import dev.ocular.compositor.xr.EyeView;
import dev.ocular.compositor.xr.FrameClock;
import dev.ocular.compositor.xr.XrHost;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.scenes.rig.EyePose;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.rig.LivePoseTracker;
import dev.ocular.scenes.rig.LiveViews;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import java.util.function.Consumer;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/** The OpenXR side of a frame: poses (live or scripted), the pipeline, compose into the swapchain images. */
final class OpenXrFrames implements XrHost.FrameRenderer {
    private final FrameRecorder recorder;
    private final StereoPipeline pipeline;
    private final ScriptedViews scripted;
    private final GpuContext gpu;
    private final int captureFrame;
    private final Consumer<FrameCapture> captureSink;
    private final LivePoseTracker tracker = new LivePoseTracker();
    private final GpuBuffer[] captures = new GpuBuffer[2];
    private int row = -1;

    OpenXrFrames(FrameRecorder recorder, StereoPipeline pipeline, ScriptedViews scripted, GpuContext gpu,
            int captureFrame, Consumer<FrameCapture> captureSink) {
        this.recorder = recorder;
        this.pipeline = pipeline;
        this.scripted = scripted;
        this.gpu = gpu;
        this.captureFrame = captureFrame;
        this.captureSink = captureSink;
    }

    @Override
    public void record(CommandBuffer cb, GpuImage[] targets, EyeView[] views, FrameClock.Timing timing) {
        row = recorder.open(timing.predictedDisplayTime(), timing.predictedDisplayPeriod());
        // Monado's Simulated HMD reports valid but untracked poses; valid poses are what the renderer needs.
        StereoFrame frame = scripted != null ? scripted.frame(recorder.frames())
                : tracker.accept(new LiveViews(timing.predictedDisplayTime(), eyePose(views[0]),
                        eyePose(views[1]), true));
        recorder.record(cb, frame, row);
        boolean capture = recorder.frames() == captureFrame && captureSink != null;
        for (int eye = 0; eye < 2; eye++) {
            if (capture) {
                captures[eye] = gpu.buffer((long) texelBytes(targets[eye].format()) * targets[eye].width()
                        * targets[eye].height(), 0, MemoryUse.READBACK);
            }
            SwapchainCompose.record(cb, eye, pipeline.output(eye), targets[eye], captures[eye],
                    recorder.timer());
        }
    }

    @Override
    public void afterGpu(GpuImage[] targets) {
        if (captures[0] == null) {
            return;
        }
        try {
            ImageTransfer io = new ImageTransfer(gpu);
            byte[][] bytes = new byte[2][];
            ImageData[] outputs = new ImageData[2];
            for (int eye = 0; eye < 2; eye++) {
                captures[eye].invalidate();
                bytes[eye] = new byte[Math.toIntExact(captures[eye].size())];
                captures[eye].mapped().get(bytes[eye]);
                outputs[eye] = io.download(pipeline.output(eye));
            }
            captureSink.accept(new FrameCapture(recorder.frames(), bytes, targets[0].format(),
                    targets[0].width(), targets[0].height(), outputs));
        } finally {
            abandon();
        }
    }

    private static int texelBytes(int format) {
        return format == org.lwjgl.vulkan.VK10.VK_FORMAT_R16G16B16A16_SFLOAT ? 8 : 4;
    }

    /** Frees capture buffers of a frame that will not complete. */
    void abandon() {
        for (int eye = 0; eye < 2; eye++) {
            if (captures[eye] != null) {
                captures[eye].close();
                captures[eye] = null;
            }
        }
    }

    /** Closes the frame's log row; false when nothing was rendered (shouldRender false, no valid views). */
    boolean finish(XrHost.FrameResult r) {
        if (row < 0) {
            return false;
        }
        recorder.close(row, new long[] {r.waitNanos(), r.beginNanos(), r.recordNanos(), r.submitNanos(),
                r.endNanos()}, r.timing().predictedDisplayPeriod(), r.outcome() == XrHost.FrameOutcome.DISCARDED);
        row = -1;
        return true;
    }

    /** OpenXR eye view → the rig's eye pose (same reference space, metres, radians). */
    static EyePose eyePose(EyeView v) {
        return new EyePose(new Vector3f(v.px(), v.py(), v.pz()), new Quaternionf(v.qx(), v.qy(), v.qz(), v.qw()),
                new FovAngles(v.angleLeft(), v.angleRight(), v.angleUp(), v.angleDown()));
    }
}
