package dev.ocular.compositor.serve;

import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.HostFacts;
import dev.ocular.compositor.report.RunInfo;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.TuningOptions;
import dev.ocular.compositor.run.LoopState;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.service.CompositorControl;
import dev.ocular.compositor.service.CompositorState;
import dev.ocular.compositor.service.ControlConflictException;
import dev.ocular.compositor.service.EyeChange;
import dev.ocular.compositor.service.FrameCounters;
import dev.ocular.compositor.service.FrameWindow;
import dev.ocular.compositor.service.ImageKind;
import dev.ocular.compositor.service.ProfileCapture;
import dev.ocular.compositor.upscale.Method;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running compositor as the tuning service sees it. HTTP threads read snapshots the frame loop publishes after
 * every frame, queue setting changes into {@link LiveSettings} (applied, with a history reset, at the next frame) and
 * queue image captures that the loop fulfils on its own thread, the only one allowed to touch the GPU.
 */
public final class LiveCompositor implements CompositorControl {
    /** How long a capture may wait for the loop (a frame on lavapipe can take a second at large sizes). */
    static final long CAPTURE_TIMEOUT_SECONDS = 30;

    private final RunConfig config;
    private final LiveSettings settings;
    private final TuningOptions options;
    private final ConcurrentLinkedQueue<CaptureRequest> captures = new ConcurrentLinkedQueue<>();
    private volatile LoopState loop;
    private volatile CompositorState state;
    private int profileStart = -1;
    private Instant profileStarted;

    public LiveCompositor(RunConfig config, LiveSettings settings, TuningOptions options) {
        this.config = config;
        this.settings = settings;
        this.options = options;
    }

    /** The frame loop's listener: publishes state and serves queued captures (loop thread). */
    public void frameDone(LoopState s) {
        loop = s;
        state = snapshot(s);
        CaptureRequest request;
        while ((request = captures.poll()) != null) {
            request.fulfil(s);
        }
    }

    private CompositorState snapshot(LoopState s) {
        LiveSettings.Snapshot now = settings.get();
        FrameCounters counters = new FrameCounters(s.frames(), s.late(), s.discarded(), 0, s.historyResets());
        return new CompositorState(config.scene(), config.sink().cliName(), s.sessionState(), s.runtimeName(),
                s.systemName(), now.lensProfile(), counters, eyeConfig(now.left(), s), eyeConfig(now.right(), s));
    }

    private static EyeConfig eyeConfig(EyeSettings e, LoopState s) {
        int w = s.pipeline().outputWidth();
        int h = s.pipeline().outputHeight();
        return new EyeConfig(e.presetLabel(), e.ratio(), e.method().cliName(), e.sharpening(),
                Preset.renderSize(w, e.ratio()), Preset.renderSize(h, e.ratio()), w, h);
    }

    @Override
    public TuningOptions options() {
        return options;
    }

    @Override
    public CompositorState state() {
        CompositorState s = state;
        if (s == null) {
            throw new ControlConflictException("the compositor has not finished its first frame yet");
        }
        return s;
    }

    @Override
    public FrameWindow recentFrames(int max) {
        LoopState s = requireLoop();
        FrameLog log = s.log();
        synchronized (log) {
            return FrameWindow.tail(log, max);
        }
    }

    @Override
    public EyeConfig changeEye(StereoEye eye, EyeChange change) {
        int index = eye == StereoEye.LEFT ? 0 : 1;
        EyeSettings current = settings.get().eye(index);
        EyeSettings next = current;
        if (change.preset() != null) {
            next = next.withRatio(Preset.parseRatio(change.preset(), "preset"));
        }
        if (change.method() != null) {
            next = next.withMethod(Method.parse(change.method(), "method"));
        }
        if (change.sharpening() != null) {
            next = next.withSharpening(change.sharpening().floatValue());
        }
        settings.setEye(index, next);
        return eyeConfig(next, requireLoop());
    }

    @Override
    public void changeLens(String profile) {
        settings.setLensProfile(profile);
    }

    @Override
    public Optional<byte[]> capture(StereoEye eye, ImageKind kind) {
        CaptureRequest request = new CaptureRequest(eye == StereoEye.LEFT ? 0 : 1, kind);
        captures.add(request);
        try {
            return request.result().get(CAPTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            captures.remove(request);
            throw new ControlConflictException("no frame completed within " + CAPTURE_TIMEOUT_SECONDS
                    + " s to capture from");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlConflictException("capture interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("capturing " + kind.key() + " of the " + eye + " eye failed",
                    e.getCause());
        }
    }

    @Override
    public synchronized void startProfiling() {
        FrameLog log = requireLoop().log();
        synchronized (log) {
            profileStart = log.size();
        }
        profileStarted = Instant.now();
    }

    @Override
    public synchronized ProfileCapture stopProfiling() {
        LoopState s = requireLoop();
        FrameLog window;
        synchronized (s.log()) {
            window = s.log().slice(profileStart, s.log().size());
        }
        CompositorState now = state();
        RunInfo info = new RunInfo(config.scene(), now.left(), now.right(), config.sink().cliName(),
                now.lensProfile(), now.runtimeName(), now.systemName(), s.gpu().capabilities().name(),
                s.gpu().capabilities().driverName() + " " + s.gpu().capabilities().driverInfo(), null,
                profileStarted, HostFacts.detect(), Map.of("window", "frames " + profileStart + ".."
                        + (profileStart + window.size())));
        profileStart = -1;
        return new ProfileCapture(window, info, null);
    }

    private LoopState requireLoop() {
        LoopState s = loop;
        if (s == null) {
            throw new ControlConflictException("the compositor has not finished its first frame yet");
        }
        return s;
    }
}
