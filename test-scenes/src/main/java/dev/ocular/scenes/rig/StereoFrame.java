package dev.ocular.scenes.rig;

/**
 * The views of one frame and of the frame before it, which motion vectors are measured against.
 *
 * @param index    frame number (drives jitter phase and barcodes)
 * @param time     seconds since frame 0; scene animation is evaluated at this time and at {@code previousTime}
 * @param current  eye poses now
 * @param previous eye poses one frame earlier; equal to {@code current} when {@code cut} is set
 * @param cut      the view jumped (first frame, recenter, teleport, tracking loss): temporal history must be reset,
 *                 and camera motion vectors are zero
 */
public record StereoFrame(long index, double time, double previousTime, StereoPose current, StereoPose previous,
        boolean cut) {
}
