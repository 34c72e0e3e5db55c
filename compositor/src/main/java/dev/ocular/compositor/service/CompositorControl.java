package dev.ocular.compositor.service;

import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.TuningOptions;
import java.util.Optional;

/**
 * What the tuning service needs from a running compositor. The compositor implements it; the service validates
 * every request before calling, so implementations receive canonical, in-range values.
 *
 * <p>Threading: methods are called from HTTP worker threads and from the service's stats thread, concurrently with
 * the frame loop and with each other; implementations must be thread-safe and must not block for longer than about
 * a frame (capture may wait for the next frame). Changes are applied by the frame loop at its next frame, with a
 * history reset.
 *
 * <p>Errors: throw {@link dev.ocular.gpu.BadInputException} when a validated request still cannot apply (the service
 * answers 400 with the message) and {@link ControlConflictException} when the request is fine but the compositor's
 * state does not allow it now (409). Anything else is a compositor failure (500, logged).
 */
public interface CompositorControl {
    /** The presets, methods, lens profiles and sharpening range the compositor accepts. Must not change. */
    TuningOptions options();

    /** Current state: scene, sink, session, counters, both eyes' settings. */
    CompositorState state();

    /** The last {@code max} frames (1..{@link FrameWindow#MAX_FRAMES}); {@link FrameWindow#tail} builds one. */
    FrameWindow recentFrames(int max);

    /**
     * Queues a change to one eye's settings for the next frame.
     *
     * @return the eye's settings as they will be once applied (new render size included)
     */
    EyeConfig changeEye(StereoEye eye, EyeChange change);

    /** Queues a lens profile change (both eyes) for the next frame. */
    void changeLens(String profile);

    /**
     * One eye's image as PNG bytes, from the latest frame (or the next one).
     *
     * @return empty when this image does not exist (no reference for the scene, no error map without a reference)
     */
    Optional<byte[]> capture(StereoEye eye, ImageKind kind);

    /** Starts recording frames into a fresh log. The service never calls it twice without a stop in between. */
    void startProfiling();

    /** Stops recording and hands over the window's log. Only called after {@link #startProfiling()}. */
    ProfileCapture stopProfiling();
}
