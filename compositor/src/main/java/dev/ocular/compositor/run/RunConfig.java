package dev.ocular.compositor.run;

import dev.ocular.compositor.pipeline.EyeSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One `ocular run`.
 *
 * @param scene      built-in scene name or a glTF path
 * @param seed       scene and head-path seed
 * @param frames     frames to submit (both eyes each); {@code seconds} is used instead when frames ≤ 0
 * @param seconds    run length in seconds when frames ≤ 0
 * @param width      output width per eye, or 0 for the runtime's recommended size (OPENXR) / 640 (others)
 * @param height     output height per eye, or 0 likewise
 * @param motion     head motion: "live" (OpenXR poses) or a scripted path id (static, slow-pan, fast-yaw, …)
 * @param lensProfile lens profile for the panel frame and the panel sink
 * @param out        output directory
 * @param weights    vr-net weights files (one per ensemble member, outputs averaged), or empty for the shipped ones
 * @param netPath    vr-net executor (reference|scalar|coopmat), or null for OCULAR_NET_PATH / the device default
 * @param reference  k for measuring the last frame against a k×k supersampled native reference; 0 skips quality
 * @param writeEvery panel/headless sinks write every this many frames (1: all)
 */
public record RunConfig(String scene, long seed, int frames, double seconds, SinkKind sink, EyeSettings left,
        EyeSettings right, int width, int height, String motion, String lensProfile, Path out, List<Path> weights,
        String netPath, int reference, int writeEvery) {
    public RunConfig {
        weights = List.copyOf(weights);
    }
}
