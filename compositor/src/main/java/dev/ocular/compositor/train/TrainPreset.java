package dev.ocular.compositor.train;

import dev.ocular.gpu.BadInputException;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.train.DisplayLoss;
import dev.ocular.vrnet.train.RefineCalibration;
import dev.ocular.vrnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A named recipe: which data to render and how to train on it. {@code shipped} produces the weights in the vr-net jar
 * (docs/vrnet-model-card.md); {@code smoke} is the minute-long run CI uses to check that training works end to end.
 *
 * <p>A recipe trains one or more <em>members</em> on the same dataset, one after the other; with several, the product
 * is an output ensemble: inference runs every member and averages their outputs. Why two for {@code shipped}: the
 * training-side levers tried so far (docs/vrnet-model-card.md) trade sharpness against temporal stability; two
 * members trained at two points of that trade (the loss's temporal weight 0.5, favouring sharpness, and 1.0,
 * favouring stability) make errors that differ, and averaging them cuts the error where they disagree. The
 * measurements are in the model card. Member 1 is the single-model recipe as it was before ensembles, its settings
 * and files unchanged, so its checkpoints resume and its weights still stand alone.
 *
 * @param members           the training settings of each member, member 1 first; they share the data, the head
 *                          gain, the clamp rule and the calibration grid
 * @param checkpointSeconds minimum time between checkpoints (taken between rounds)
 * @param headGain          0: the head starts at zero, i.e. at the TAAU resolve (shipped); above 0: a random head of
 *                          that gain (smoke: a start away from TAAU, so one minute shows the loop learning)
 * @param clampInTraining   whether the spec's refine clamp (NetSpec.refineClamp) is part of the trained graph; false:
 *                          the weights are trained without it and written with the spec as given, clamp included, so
 *                          it applies at inference only (shipped: training through the clamp let the refine stage
 *                          sharpen harder and cost the corridor 1 dB on fresh paths, docs/vrnet-model-card.md §0-v4.2)
 * @param refineStrengths   after training, the grid {@link RefineCalibration} picks each member's last refine layer's
 *                          factor from, by validation loss under the spec the weights ship with; empty: no calibration
 */
public record TrainPreset(String name, DatasetPlan data, List<TrainConfig> members, double checkpointSeconds,
        double headGain, boolean clampInTraining, List<Double> refineStrengths) {
    public TrainPreset {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("preset " + name + " has no member to train");
        }
        refineStrengths = List.copyOf(refineStrengths);
    }

    /** A single-model recipe: one member. */
    public TrainPreset(String name, DatasetPlan data, TrainConfig training, double checkpointSeconds, double headGain,
            boolean clampInTraining, List<Double> refineStrengths) {
        this(name, data, List.of(training), checkpointSeconds, headGain, clampInTraining, refineStrengths);
    }

    /** Member 1's settings: the whole recipe when it has one member, the first (the pre-ensemble model) otherwise. */
    public TrainConfig training() {
        return members.get(0);
    }

    /** The spec the trainer optimises for {@code spec}, the one the weights are written with. */
    public NetSpec trained(NetSpec spec) {
        return clampInTraining ? spec : spec.withRefineClamp(false);
    }

    /** The same recipe with every member trained for {@code rounds} rounds (their schedules stretch with it). */
    public TrainPreset withRounds(int rounds) {
        if (rounds < 1 || rounds > 1_000_000) {
            throw new BadInputException("--rounds: " + rounds + " is outside 1..1000000");
        }
        return new TrainPreset(name, data, members.stream().map(m -> m.withRounds(rounds)).toList(),
                checkpointSeconds, headGain, clampInTraining, refineStrengths);
    }

    /** from, from + step, …, to (inclusive), each rounded to 1e-6 so that 1 is exactly 1.0. */
    static List<Double> strengths(double from, double to, double step) {
        List<Double> grid = new ArrayList<>();
        for (int i = 0; from + i * step <= to + step / 2; i++) {
            grid.add(Math.round((from + i * step) * 1e6) / 1e6);
        }
        return grid;
    }

    /** Training scenes: every built-in except the held-out ones. */
    public static final List<String> TRAIN_SCENES = List.of("thin-wires", "moire-textures", "hdr-speculars",
            "fast-motion", "particles", "distant-skyline", "warehouse");

    public static TrainPreset named(String name, int threads) {
        return switch (name) {
            case "shipped" -> shipped(threads);
            case "smoke" -> smoke(threads);
            default -> throw new BadInputException("--preset: unknown preset '" + name + "' (shipped, smoke)");
        };
    }

    /**
     * The shipped model: Quest-like eyes (1032 × 1104) cut into 96-pixel crops, 24-frame sequences over every
     * training scene × head motion × 5 seeds, ratios 2 and 1.5 twice as often as 3, 4×4 references. The loss's
     * temporal term weighs 0.5 (0.2 up to v4.0): with the per-pixel refine kernel, 0.2 left the corridor on fresh
     * paths sharper and more flickery than TAAU; 0.5 gained 0.3-0.4 dB everywhere (docs/vrnet-model-card.md, §0).
     * The refine strength is then calibrated for the clamp on 0.20, 0.25, …, 1.20 (validation loss per point takes
     * seconds; §0-v4.3: this recipe's minimum is at 0.85, a run on 32-frame sequences had its minimum at 0.3).
     * Two members: that model (temporal weight 0.5, the sharper one) and the same recipe, seed included, at temporal
     * weight 1.0 (the steadier one); see the class comment.
     */
    public static TrainPreset shipped(int threads) {
        DatasetPlan data = new DatasetPlan(1032, 1104, 96, 24, 4, TRAIN_SCENES, List.of(HeadMotion.values()), 5,
                List.of(2.0, 1.5, 2.0, 1.5, 3.0), TRAIN_SCENES.size(), 2025);
        return new TrainPreset("shipped", data, List.of(shippedMember(threads, 0.5f), shippedMember(threads, 1.0f)),
                180, 0, false, strengths(0.2, 1.2, 0.05));
    }

    /** A member of the shipped recipe; the members differ in the loss's temporal weight and nothing else. */
    private static TrainConfig shippedMember(int threads, float temporalWeight) {
        return new TrainConfig(4, 250, 2e-3, 5e-5, 100, 0.5, new DisplayLoss(1e-3f, temporalWeight), 1, threads, 20,
                true, 0, 0, 1);
    }

    /**
     * Seconds, not hours: two tiny shots of one scene, a few rounds; enough to see the loss fall. Trains without the
     * refine clamp, calibrates the refine strength for it (a coarse grid) and writes it, as the shipped recipe does,
     * so CI runs that path. Two members differing only in the temporal weight, like the shipped recipe's, so CI
     * trains, resumes and writes an ensemble too: 0.2 and 0.5, not 1.0, because at 1.0 forty rounds of this data leave
     * the validation loss flat (0.0435 to 0.0432), and a loss that visibly falls is what shows member 2 learning.
     */
    public static TrainPreset smoke(int threads) {
        DatasetPlan data = new DatasetPlan(96, 104, 24, 6, 2, List.of("moire-textures"),
                List.of(HeadMotion.SLOW_PAN, HeadMotion.FAST_YAW), 2, List.of(2.0), 1, 7);
        return new TrainPreset("smoke", data, List.of(smokeMember(threads, 0.2f), smokeMember(threads, 0.5f)), 5,
                1.0, false, strengths(0.5, 1.5, 0.5));
    }

    private static TrainConfig smokeMember(int threads, float temporalWeight) {
        return new TrainConfig(2, 40, 3e-3, 3e-4, 10, 1.0, new DisplayLoss(1e-3f, temporalWeight), 1, threads, 4,
                true, 0, 0, 1);
    }
}
