package dev.ocular.compositor.cli;

import dev.ocular.compositor.pipeline.EyeSettings;
import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.run.SinkKind;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.BadInputException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a compositor run, shared by `ocular run`, `ocular profile` and `ocular serve`. */
final class RunOptions {
    // The product's path: vr-net with the shipped weights (TAAU measures better today; docs/vrnet-model-card.md).
    static final String DEFAULT_METHOD = "vrnet";

    @Option(names = "--scene", defaultValue = "corridor", description = "Scene name (ocular scenes list) or a glTF file.")
    String scene;

    @Option(names = "--frames", description = "Frames to submit (default 300 unless --seconds is given).")
    Integer frames;

    @Option(names = "--seconds", description = "Run for this long instead of a frame count.")
    Double seconds;

    @Option(names = "--sink", defaultValue = "openxr", description = "openxr, panel or headless.")
    String sink;

    @Option(names = "--preset", description = "Per-eye preset: native, quality, balanced, performance, "
            + "ultra-performance or a ratio in [1, 3]; one value or left=…,right=… (default performance).")
    String preset;

    @Option(names = "--method", description = "Per-eye method: vrnet, taau, spatial, bicubic, lanczos, bilinear; one "
            + "value or left=…,right=… (default " + DEFAULT_METHOD + ").")
    String method;

    @Option(names = "--sharpening", defaultValue = "0", description = "Sharpening strength in [0, 1] (both eyes).")
    float sharpening;

    @Option(names = "--lens", defaultValue = "vive", description = "Lens profile for the panel sink and the panel frame "
            + "(built-in name or JSON file); the openxr sink leaves lens correction to the runtime.")
    String lens;

    @Option(names = "--size", description = "Output size per eye, WxH (default: the runtime's recommended size; 640x640 "
            + "for panel/headless).")
    String size;

    @Option(names = "--motion", description = "Head motion: live (OpenXR poses; default for openxr) or a scripted path: "
            + "static, slow-pan, fast-yaw, translate, nod, teleport.")
    String motion;

    @Option(names = "--seed", defaultValue = "1", description = "Scene and head-path seed.")
    long seed;

    @Option(names = "--out", defaultValue = "out", description = "Output directory.")
    Path out;

    @Option(names = "--reference", description = "Measure the last frame's quality (PSNR, SSIM, FLIP) against a k×k "
            + "supersampled native reference; 0 skips it (default: 0 for run, 2 for profile).")
    Integer reference;

    @Option(names = "--write-every", defaultValue = "1", description = "Panel/headless sinks: write every Nth frame.")
    int writeEvery;

    @Option(names = "--weights", split = ",", description = "vr-net weights (safetensors); several, comma-separated, "
            + "run as an ensemble whose outputs are averaged; default: the shipped trained members.")
    List<Path> weights = List.of();

    @Option(names = "--net-path", description = "vr-net executor: reference, scalar or coopmat (default: "
            + "OCULAR_NET_PATH, else coopmat on GPUs with fp16 cooperative matrices, scalar otherwise).")
    String netPath;

    RunConfig config() {
        return config(300, 0, true);
    }

    /**
     * The run these options describe; {@code defaultFrames} and {@code defaultReference} apply when not given, and
     * {@code liveByDefault} makes the OpenXR sink follow live head poses unless --motion says otherwise (profiles
     * default to the scene's scripted motion so that every configuration sees the same frames).
     */
    RunConfig config(int defaultFrames, int defaultReference, boolean liveByDefault) {
        SinkKind sinkKind = SinkKind.parse(sink);
        String[] presets = EyeOptions.parse(preset, "--preset", "performance");
        String[] methods = EyeOptions.parse(method, "--method", DEFAULT_METHOD);
        if (!(sharpening >= 0 && sharpening <= 1)) {
            throw new BadInputException("--sharpening: " + sharpening + " is outside [0, 1]");
        }
        EyeSettings left = new EyeSettings(Preset.parseRatio(presets[0], "--preset left"),
                Method.parse(methods[0], "--method left"), sharpening);
        EyeSettings right = new EyeSettings(Preset.parseRatio(presets[1], "--preset right"),
                Method.parse(methods[1], "--method right"), sharpening);
        int[] wh = size == null ? new int[] {0, 0} : Sizes.parse(size, "--size");
        if (reference != null && (reference < 0 || reference > 8)) {
            throw new BadInputException("--reference: k must be in 0..8, got " + reference);
        }
        if (frames != null && seconds != null) {
            throw new BadInputException("--frames and --seconds: give one, not both");
        }
        if (frames != null && frames < 1) {
            throw new BadInputException("--frames: must be at least 1, got " + frames);
        }
        if (seconds != null && !(seconds > 0)) {
            throw new BadInputException("--seconds: must be positive, got " + seconds);
        }
        String motionPath = motion != null ? motion : sinkKind == SinkKind.OPENXR && liveByDefault ? "live" : null;
        if (motionPath != null && !motionPath.equals("live")) {
            dev.ocular.scenes.rig.HeadMotion.parse(motionPath);
        }
        int frameCount = frames != null ? frames : seconds != null ? 0 : defaultFrames;
        return new RunConfig(scene, seed, frameCount, seconds == null ? 0 : seconds, sinkKind, left, right, wh[0],
                wh[1], motionPath, lens, out, weights, netPath, reference != null ? reference : defaultReference, writeEvery);
    }
}
