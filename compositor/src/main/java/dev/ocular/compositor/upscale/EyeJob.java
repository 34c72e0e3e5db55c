package dev.ocular.compositor.upscale;

import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.frame.EyeGBuffer;

/**
 * One eye's reconstruction work for a frame.
 *
 * @param eye          0 left, 1 right
 * @param input        the low-resolution G-buffer (SHADER_READ_ONLY_OPTIMAL)
 * @param output       RGBA16F output at full resolution, STORAGE usage, in GENERAL layout while recording
 * @param resetHistory ignore temporal history this frame (cut, recenter, teleport, first frame, setting change)
 * @param lensCentreX  the eye's lens centre in output UV (0..1), for lens-aware methods
 * @param lensCentreY  likewise
 * @param lensRadius   UV distance from the centre to the edge of the visible area, for normalising lens coordinates
 */
public record EyeJob(int eye, EyeGBuffer input, GpuImage output, boolean resetHistory, float lensCentreX,
        float lensCentreY, float lensRadius) {
}
