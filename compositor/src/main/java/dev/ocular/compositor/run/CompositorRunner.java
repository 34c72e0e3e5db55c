package dev.ocular.compositor.run;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.metrics.GpuStageTimer;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.compositor.sink.FrameSink;
import dev.ocular.compositor.sink.HeadlessSink;
import dev.ocular.compositor.sink.PanelSink;
import dev.ocular.compositor.sink.SwapchainCompose;
import dev.ocular.compositor.xr.EyeView;
import dev.ocular.compositor.xr.FrameClock;
import dev.ocular.compositor.xr.RuntimeInfo;
import dev.ocular.compositor.xr.XrException;
import dev.ocular.compositor.xr.XrHost;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.RunReport;
import java.util.Optional;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.gpu.BadInputException;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.function.Consumer;

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
    private Consumer<LoopState> listener = state -> { };
    private volatile boolean stopRequested;
    private int captureFrame = -1;
    private Consumer<FrameCapture> captureSink;
    private GpuOptions gpuOptions = GpuOptions.defaults("ocular");
    private Optional<NetEnsemble> model = Optional.empty();
    private java.time.Instant started;
    private Map<String, Object> sinkOutput = Map.of();

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

    /** Told after every frame, on the frame-loop thread, with access to the pipeline (captures, live stats). */
    public CompositorRunner listener(Consumer<LoopState> newListener) {
        this.listener = newListener;
        return this;
    }

    /** Asks the loop to finish after the current frame (from any thread); the run then writes its report. */
    public void stop() {
        stopRequested = true;
    }

    /** Vulkan options (tests turn validation on; its message count is in the result). */
    public CompositorRunner gpuOptions(GpuOptions options) {
        this.gpuOptions = options;
        return this;
    }

    /** Reads back what is composed into the swapchain images at frame {@code frame} (OpenXR sink) for {@code sink}. */
    public CompositorRunner captureAt(int frame, Consumer<FrameCapture> sink) {
        this.captureFrame = frame;
        this.captureSink = sink;
        return this;
    }

    public RunResult run() {
        started = java.time.Instant.now();
        Scene scene = SceneCatalog.builtIn().build(config.scene(), config.seed());
        model = !config.weights().isEmpty() ? Optional.of(VrNetModels.ensemble(config.weights()))
                : VrNetModels.shipped();
        for (int eye = 0; eye < 2; eye++) {
            if (settings.get().eye(eye).method() == Method.VRNET && model.isEmpty()) {
                throw new BadInputException("--method vrnet: this build has no trained vr-net weights ("
                        + VrNetModels.SHIPPED_WEIGHTS + " is missing); train them with `ocular train --preset "
                        + "shipped` or pass --weights FILE");
            }
        }
        LensProfile lens = config.lensProfile() == null ? null : new LensProfiles().resolve(config.lensProfile());
        return config.sink() == SinkKind.OPENXR ? runOpenXr(scene, lens) : runOffline(scene, lens);
    }

    private RunResult runOpenXr(Scene scene, LensProfile lens) {
        int[] size = config.width() > 0 ? new int[] {config.width(), config.height()} : null;
        try (XrHost host = XrHost.open("ocular", gpuOptions, size)) {
            GpuContext gpu = host.gpu();
            int w = host.swapchain(0).width();
            int h = host.swapchain(0).height();
            try (StereoPipeline pipeline = new StereoPipeline(gpu, scene, w, h, UpscalerSetup.all(gpu, model, config.netPath()));
                    GpuStageTimer timer = new GpuStageTimer(gpu.device(), stagesWithCompose(pipeline))) {
                FrameRecorder recorder = new FrameRecorder(pipeline, timer, new FrameLog(stagesWithCompose(pipeline)),
                        settings);
                OpenXrFrames frames = new OpenXrFrames(recorder, pipeline, scriptedViews(scene), gpu, captureFrame,
                        captureSink);
                RuntimeInfo xrInfo = host.runtime().info();
                LoopState state = new LoopState(recorder, pipeline, gpu, () -> host.session().state().name(),
                        xrInfo.runtimeName() + " " + xrInfo.runtimeVersion(), xrInfo.systemName());
                long deadline = deadlineNanos();
                int target = config.frames();
                String lost = null;
                try {
                    while (!stopRequested && (target > 0 ? recorder.frames() < target : System.nanoTime() < deadline)) {
                        XrHost.FrameResult result = host.frame(frames);
                        if (result.outcome() == XrHost.FrameOutcome.OVER) {
                            progress.println("ocular: the OpenXR session ended (" + host.session().state() + ")");
                            break;
                        }
                        if (result.outcome() == XrHost.FrameOutcome.IDLE) {
                            Thread.onSpinWait();
                            continue;
                        }
                        if (frames.finish(result)) {
                            onFrame.accept(recorder.frames());
                            listener.accept(state);
                        }
                        progress(recorder.frames());
                    }
                    host.requestExit();
                    drainToExit(host);
                } catch (XrException e) {
                    if (!e.isLoss()) {
                        throw e;
                    }
                    // The runtime went away (crashed or was stopped): report what ran and leave cleanly.
                    lost = e.getMessage();
                    progress.println("ocular: the OpenXR runtime was lost after " + recorder.frames() + " frames ("
                            + lost + "); writing the report");
                    frames.abandon();
                }
                RuntimeInfo info = host.runtime().info();
                Map<String, String> runtime = new java.util.LinkedHashMap<>();
                runtime.put("runtime", info.runtimeName() + " " + info.runtimeVersion());
                runtime.put("system", info.systemName());
                if (lost != null) {
                    runtime.put("lost", lost);
                }
                return finish(gpu, pipeline, recorder, lens, runtime);
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
        try (GpuContext gpu = GpuContext.create(gpuOptions);
                StereoPipeline pipeline = new StereoPipeline(gpu, scene, w, h,
                        UpscalerSetup.all(gpu, model, config.netPath()));
                FrameSink sink = sink(gpu)) {
            List<String> stages = new java.util.ArrayList<>(pipeline.stages());
            stages.addAll(sink.stages());
            try (GpuStageTimer timer = new GpuStageTimer(gpu.device(), stages)) {
                FrameRecorder recorder = new FrameRecorder(pipeline, timer, new FrameLog(stages), settings);
                ScriptedViews views = scriptedViews(scene);
                LoopState state = new LoopState(recorder, pipeline, gpu, () -> "NONE", null, null);
                long period = Math.round(1e9 / ScriptedViews.DEFAULT_FPS);
                long deadline = deadlineNanos();
                int target = config.frames();
                while (!stopRequested && (target > 0 ? recorder.frames() < target : System.nanoTime() < deadline)) {
                    int index = recorder.frames();
                    StereoFrame frame = views.frame(index);
                    int row = recorder.open(index * period, period);
                    long t0 = System.nanoTime();
                    long t1;
                    long t2;
                    try (CommandBuffer cb = gpu.commandPool().allocate()) {
                        cb.begin();
                        recorder.record(cb, frame, row);
                        sink.record(cb, pipeline, settings.get(), timer);
                        cb.end();
                        t1 = System.nanoTime();
                        gpu.await(gpu.submit(cb, List.of()), cb);
                        t2 = System.nanoTime();
                    }
                    sink.frameDone(index, pipeline);
                    long t3 = System.nanoTime();
                    recorder.close(row, new long[] {0, 0, t1 - t0, t2 - t1, t3 - t2}, 0, false);
                    onFrame.accept(recorder.frames());
                    listener.accept(state);
                    progress(recorder.frames());
                }
                Map<String, String> extra = new java.util.LinkedHashMap<>();
                sinkOutput = sink.finish();
                return finish(gpu, pipeline, recorder, lens, extra);
            }
        }
    }

    /** The panel or headless sink, writing its frames under out/frames. */
    private FrameSink sink(GpuContext gpu) {
        java.nio.file.Path frames = config.out().resolve("frames");
        double fps = ScriptedViews.DEFAULT_FPS;
        return config.sink() == SinkKind.PANEL
                ? new PanelSink(gpu, settings.get().lensProfile(), frames, config.writeEvery(), fps)
                : new HeadlessSink(gpu, frames, config.writeEvery(), fps);
    }

    private RunResult finish(GpuContext gpu, StereoPipeline pipeline, FrameRecorder recorder, LensProfile lens,
            Map<String, String> runtime) {
        gpu.device().waitIdle();
        Map<String, ImageData> images = RunOutputs.capture(gpu, pipeline, recorder.last());
        QualityResult quality = config.reference() > 0
                ? RunQuality.measure(pipeline, recorder.last(), images, config.reference()) : null;
        double[] frameMs = RunOutputs.frameTimeMs(recorder.log());
        Map<String, Object> report = RunReportJson.build(config, settings.get(), pipeline, recorder, runtime,
                gpu.capabilities(), frameMs);
        report.put("sink_output", sinkOutput);
        RunInfo info = RunInfos.of(config, settings.get(), pipeline, gpu.capabilities(), runtime, started,
                Map.of("vrnet_weights", model.map(NetEnsemble::weightsLabel).orElse("none")));
        var path = RunOutputs.write(config.out(), images, lens, report);
        try {
            RunReport.of(recorder.log(), info, quality).writeTo(config.out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the run's exports into " + config.out(), e);
        }
        return new RunResult(recorder.frames(), recorder.late(), recorder.discarded(), recorder.historyResets(),
                frameMs[0], frameMs[1], path, recorder.log(), runtime.get("lost"), gpu.validationLog().count(),
                info, quality);
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

}
