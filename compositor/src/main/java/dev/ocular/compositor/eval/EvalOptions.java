package dev.ocular.compositor.eval;

import dev.ocular.compositor.train.DatasetPlan;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.gpu.BadInputException;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.model.NetEnsemble;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ocular eval} measures.
 *
 * @param scenes    scene names (default: the held-out scenes, {@link DatasetPlan#HELD_OUT_SCENES})
 * @param motion    head motion, or null for each scene's default
 * @param frames    measured frames, after {@code warmup} frames that only build history
 * @param scale     per-axis upscale ratio in [1, 3]
 * @param seed      scene animation and head-path seed; 0 is each scene's canonical path, never used in training
 * @param width     per-eye output size (default the Quest-like eye, 1032 × 1104)
 * @param reference k of the k×k supersampled reference
 * @param model     vr-net's members (needed only when vrnet is among the methods)
 * @param netPath   vr-net executor
 * @param heatmaps  directory for ꟻLIP error maps of each scene's last frame, or null
 */
public record EvalOptions(List<String> scenes, HeadMotion motion, int frames, int warmup, double scale, long seed,
        List<Method> methods, int width, int height, int reference, NetEnsemble model, NetPath netPath, Path heatmaps) {
    public static final int DEFAULT_WARMUP = 16;

    public EvalOptions {
        scenes = List.copyOf(scenes);
        methods = List.copyOf(methods);
        if (scenes.isEmpty()) {
            throw new BadInputException("--scenes: no scene given");
        }
        if (methods.isEmpty()) {
            throw new BadInputException("--methods: no method given");
        }
        if (!(scale >= 1.0 && scale <= 3.0)) {
            throw new BadInputException("--scale: " + scale + " is outside [1, 3]");
        }
        if (frames < 2) {
            throw new BadInputException("--frames: " + frames + " (at least 2 measured frames, flicker needs pairs)");
        }
        if (warmup < 0) {
            throw new BadInputException("--warmup: " + warmup + " is negative");
        }
        if (reference < 1 || reference > 8) {
            throw new BadInputException("--reference: " + reference + " is outside 1..8");
        }
        if (width < 16 || height < 16 || width > 4096 || height > 4096) {
            throw new BadInputException("--size: " + width + "x" + height + " is outside 16..4096 per side");
        }
        if (methods.contains(Method.VRNET) && model == null) {
            throw new BadInputException("--methods: vrnet needs weights (--weights FILE; this build ships none)");
        }
    }

    public EvalOptions withNetPath(NetPath path) {
        return new EvalOptions(scenes, motion, frames, warmup, scale, seed, methods, width, height, reference, model,
                path, heatmaps);
    }

    /** The low-resolution size: output / scale, rounded, at least 1. */
    public int inputWidth() {
        return Math.max(1, (int) Math.round(width / scale));
    }

    public int inputHeight() {
        return Math.max(1, (int) Math.round(height / scale));
    }

    public static List<String> defaultScenes() {
        return DatasetPlan.HELD_OUT_SCENES;
    }
}
