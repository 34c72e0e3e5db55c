package dev.ocular.compositor.run;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.GpuStageTimer;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.compositor.sink.SwapchainCompose;
import dev.ocular.compositor.xr.EyeView;
import dev.ocular.compositor.xr.FrameClock;
import dev.ocular.compositor.xr.RuntimeInfo;
import dev.ocular.compositor.xr.XrHost;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.rig.EyePose;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.LivePoseTracker;
import dev.ocular.scenes.rig.LiveViews;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * Runs the compositor for `ocular run`: the OpenXR frame loop on the runtime (Monado's Simulated HMD in the sim), or
 * a free-running loop for the panel and headless sinks. Settings may be changed while it runs through
 * {@link #settings()}; {@code onFrame} is told about every completed frame (service, schedules, tests).
 */
public final class CompositorRunner {
    private final RunConfig config;
    private final LiveSettings settings;
    private final PrintStream progress;
    private Consumer<Integer> onFrame = frame -> { };

    public CompositorRunner(RunConfig config, PrintStream progress) {
        this.config = config;
        this.settings = new LiveSettings(config.left(), config.right(), config.lensProfile());
        this.progress = progress;
    }

    public LiveSettings settings() {
        return settings;
    }

    public CompositorRunner onFrame(Consumer<Integer> listener) {
        this.onFrame = listener;
        return this;
    }

    public RunResult run() {
        Scene scene = SceneCatalog.builtIn().build(config.scene(), config.seed());
        LensProfile lens = config.lensProfile() == null ? null : new LensProfiles().resolve(config.lensProfile());
        return config.sink() == SinkKind.OPENXR ? runOpenXr(scene, lens) : runOffline(scene, lens);
    }

    private RunResult runOpenXr(Scene scene, LensProfile lens) {
        int[] size = config.width() > 0 ? new int[] {config.width(), config.height()} : null;
        try (XrHost host = XrHost.open("ocular", GpuOptions.defaults("ocular"), size)) {
            GpuContext gpu = host.gpu();
            int w = host.swapchain(0).width();
            int h = host.swapchain(0).height();
            try (StereoPipeline pipeline = new StereoPipeline(gpu, scene, w, h, UpscalerSetup.all(gpu));
                    GpuStageTimer timer = new GpuStageTimer(gpu.device(), stagesWithCompose(pipeline))) {
                FrameRecorder recorder = new FrameRecorder(pipeline, timer, new FrameLog(stagesWithCompose(pipeline)),
                        settings);
                XrFrames frames = new XrFrames(recorder, pipeline, scriptedViews(scene));
                long deadline = deadlineNanos();
                int target = config.frames();
                while (target > 0 ? recorder.frames() < target : System.nanoTime() < deadline) {
                    XrHost.FrameResult result = host.frame(frames);
                    if (result.outcome() == XrHost.FrameOutcome.OVER) {
                        progress.println("ocular: the OpenXR session ended (" + host.session().state() + ")");
                        break;
                    }
                    if (result.outcome() == XrHost.FrameOutcome.IDLE) {
                        Thread.onSpinWait();
                        continue;
                    }
                    frames.finish(result);
                    progress(recorder.frames());
                }
                host.requestExit();
                drainToExit(host);
                RuntimeInfo info = host.runtime().info();
                return finish(gpu, pipeline, recorder, lens, Map.of("runtime", info.runtimeName() + " "
                        + info.runtimeVersion(), "system", info.systemName()));
            }
        }
    }

    /** After xrRequestExitSession the runtime walks the session to STOPPING; keep pumping until it is over. */
    private static void drainToExit(XrHost host) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        // Frames submitted while stopping show the swapchain images as they are: nothing new is recorded.
        XrHost.FrameRenderer unchanged = (cb, targets, views, timing) -> { };
        while (System.nanoTime() < deadline) {
            XrHost.FrameOutcome outcome = host.frame(unchanged).outcome();
            if (outcome == XrHost.FrameOutcome.OVER || !host.session().isRunning()) {
                return;
            }
        }
    }

    private RunResult runOffline(Scene scene, LensProfile lens) {
        int w = config.width() > 0 ? config.width() : 640;
        int h = config.height() > 0 ? config.height() : 640;
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular"));
                StereoPipeline pipeline = new StereoPipeline(gpu, scene, w, h, UpscalerSetup.all(gpu));
                GpuStageTimer timer = new GpuStageTimer(gpu.device(), pipeline.stages())) {
            FrameRecorder recorder = new FrameRecorder(pipeline, timer, new FrameLog(pipeline.stages()), settings);
            ScriptedViews views = scriptedViews(scene);
            long period = Math.round(1e9 / ScriptedViews.DEFAULT_FPS);
            long deadline = deadlineNanos();
            int target = config.frames();
            while (target > 0 ? recorder.frames() < target : System.nanoTime() < deadline) {
                StereoFrame frame = views.frame(recorder.frames());
                int row = recorder.open(recorder.frames() * period, period);
                long t0 = System.nanoTime();
                long t1;
                long t2;
                try (CommandBuffer cb = gpu.commandPool().allocate()) {
                    cb.begin();
                    recorder.record(cb, frame, row);
                    cb.end();
                    t1 = System.nanoTime();
                    gpu.await(gpu.submit(cb, List.of()), cb);
                    t2 = System.nanoTime();
                }
                recorder.close(row, new long[] {0, 0, t1 - t0, t2 - t1, 0}, 0, false);
                progress(recorder.frames());
            }
            return finish(gpu, pipeline, recorder, lens, Map.of());
        }
    }

    private RunResult finish(GpuContext gpu, StereoPipeline pipeline, FrameRecorder recorder, LensProfile lens,
            Map<String, String> runtime) {
        gpu.device().waitIdle();
        Map<String, ImageData> images = RunOutputs.capture(gpu, pipeline, recorder.last());
        double[] frameMs = RunOutputs.frameTimeMs(recorder.log());
        Map<String, Object> report = RunReportJson.build(config, settings.get(), pipeline, recorder, runtime,
                gpu.capabilities(), frameMs);
        var path = RunOutputs.write(config.out(), images, lens, report);
        return new RunResult(recorder.frames(), recorder.late(), recorder.discarded(), recorder.historyResets(),
                frameMs[0], frameMs[1], path);
    }

    private List<String> stagesWithCompose(StereoPipeline pipeline) {
        List<String> stages = new java.util.ArrayList<>(pipeline.stages());
        stages.add(SwapchainCompose.STAGE);
        return stages;
    }

    private ScriptedViews scriptedViews(Scene scene) {
        if ("live".equals(config.motion())) {
            return null;
        }
        HeadMotion motion = config.motion() == null ? scene.defaultMotion() : HeadMotion.parse(config.motion());
        return new ScriptedViews(StereoRig.questLike(), new HeadPath(motion, config.seed()), scene.viewpoint(),
                ScriptedViews.DEFAULT_FPS);
    }

    private long deadlineNanos() {
        return System.nanoTime() + (long) (config.seconds() * 1e9);
    }

    private int lastReported;

    private void progress(int frames) {
        if (frames - lastReported >= 50) {
            lastReported = frames;
            progress.println("ocular: " + frames + " frames");
        }
    }

    /** OpenXR eye view → the rig's eye pose (same reference space, metres, radians). */
    static EyePose eyePose(EyeView v) {
        return new EyePose(new Vector3f(v.px(), v.py(), v.pz()), new Quaternionf(v.qx(), v.qy(), v.qz(), v.qw()),
                new FovAngles(v.angleLeft(), v.angleRight(), v.angleUp(), v.angleDown()));
    }

    /** The OpenXR side of a frame: poses (live or scripted), pipeline, compose into the swapchain images. */
    private static final class XrFrames implements XrHost.FrameRenderer {
        private final FrameRecorder recorder;
        private final StereoPipeline pipeline;
        private final ScriptedViews scripted;
        private final LivePoseTracker tracker = new LivePoseTracker();
        private int row = -1;

        XrFrames(FrameRecorder recorder, StereoPipeline pipeline, ScriptedViews scripted) {
            this.recorder = recorder;
            this.pipeline = pipeline;
            this.scripted = scripted;
        }

        @Override
        public void record(CommandBuffer cb, GpuImage[] targets, EyeView[] views, FrameClock.Timing timing) {
            row = recorder.open(timing.predictedDisplayTime(), timing.predictedDisplayPeriod());
            // Monado's Simulated HMD reports valid but untracked poses; valid poses are what the renderer needs.
            StereoFrame frame = scripted != null ? scripted.frame(recorder.frames())
                    : tracker.accept(new LiveViews(timing.predictedDisplayTime(), eyePose(views[0]),
                            eyePose(views[1]), true));
            recorder.record(cb, frame, row);
            for (int eye = 0; eye < 2; eye++) {
                SwapchainCompose.record(cb, eye, pipeline.output(eye), targets[eye], null, recorder.timer());
            }
        }

        void finish(XrHost.FrameResult r) {
            if (row < 0) {
                return; // nothing was rendered this iteration (shouldRender false or no valid views)
            }
            recorder.close(row, new long[] {r.waitNanos(), r.beginNanos(), r.recordNanos(), r.submitNanos(),
                    r.endNanos()}, r.timing().predictedDisplayPeriod(), r.outcome() == XrHost.FrameOutcome.DISCARDED);
            row = -1;
        }
    }
}
