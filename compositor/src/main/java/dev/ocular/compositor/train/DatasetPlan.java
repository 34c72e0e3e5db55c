package dev.ocular.compositor.train;

import dev.ocular.scenes.rig.HeadMotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a dataset contains, derived deterministically from a few settings. The split (documented in
 * docs/vrnet-model-card.md) keeps evaluation honest:
 * <ul>
 * <li><b>Held-out scenes</b> ({@link #HELD_OUT_SCENES}) are never rendered into any dataset; {@code ocular eval}
 * defaults to them.</li>
 * <li><b>Held-out camera paths</b>: training shots use seeds 1…n (scene animation phases and head-path amplitude and
 * phase), validation shots seed {@link #VALIDATION_SEED}; seed 0 (every scene's canonical path, eval's default) and
 * every seed ≥ 1000 (what {@code eval --seed} is meant for) never appear in training.</li>
 * </ul>
 *
 * @param eyeWidth     the full eye's output size the crops are cut from (pixel density of the headset)
 * @param crop         output size of every crop window (square)
 * @param frames       frames per sequence
 * @param reference    k of the k×k supersampled reference
 * @param scenes       training scenes
 * @param motions      head motions rendered for every training scene and seed
 * @param seeds        training seeds: 1…seeds
 * @param ratios       upscale ratios, assigned to shots in turn after a seeded shuffle
 * @param validationScenes how many training scenes also get a validation shot (with seed {@link #VALIDATION_SEED})
 * @param planSeed     seeds crop windows, start frames and ratio assignment
 */
public record DatasetPlan(int eyeWidth, int eyeHeight, int crop, int frames, int reference, List<String> scenes,
        List<HeadMotion> motions, int seeds, List<Double> ratios, int validationScenes, long planSeed) {
    /** Scenes no training or validation data is ever rendered from. */
    public static final List<String> HELD_OUT_SCENES = List.of("text-panels", "corridor");
    /** The seed of validation shots: not a training seed, not eval's default (0), below eval's fresh range. */
    public static final long VALIDATION_SEED = 900;
    /** Start frames are drawn from [0, this): ~4.4 s of each path at 90 Hz, several teleports. */
    public static final int START_RANGE = 400;

    public DatasetPlan {
        scenes = List.copyOf(scenes);
        motions = List.copyOf(motions);
        ratios = List.copyOf(ratios);
        for (String s : scenes) {
            if (HELD_OUT_SCENES.contains(s)) {
                throw new IllegalArgumentException("scene " + s + " is held out for evaluation");
            }
        }
        if (seeds < 1 || seeds >= VALIDATION_SEED || frames < 2 || crop < 6 || reference < 1 || ratios.isEmpty()) {
            throw new IllegalArgumentException("bad dataset plan " + this);
        }
    }

    /** Every shot, training then validation, in a fixed order. */
    public List<Shot> shots() {
        List<Shot> shots = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(planSeed);
        List<Double> ratioOrder = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            for (String scene : scenes) {
                for (HeadMotion motion : motions) {
                    if (ratioOrder.isEmpty()) {
                        ratioOrder.addAll(ratios);
                        java.util.Collections.shuffle(ratioOrder, new java.util.Random(random.nextLong()));
                    }
                    shots.add(shot(scene, motion, seed, ratioOrder.remove(0), Shot.TRAIN, random));
                }
            }
        }
        for (int i = 0; i < Math.min(validationScenes, scenes.size()); i++) {
            HeadMotion motion = motions.get(i % motions.size());
            shots.add(shot(scenes.get(i), motion, VALIDATION_SEED, ratios.get(i % ratios.size()), Shot.VALIDATION,
                    random));
        }
        return shots;
    }

    private Shot shot(String scene, HeadMotion motion, long seed, double ratio, String split,
            SplittableRandom random) {
        long start = random.nextInt(START_RANGE);
        EyeCrop left = window(random);
        EyeCrop right = window(random);
        return new Shot(scene, motion, seed, ratio, start, frames, left, right, split);
    }

    private EyeCrop window(SplittableRandom random) {
        return new EyeCrop(random.nextInt(eyeWidth - crop + 1), random.nextInt(eyeHeight - crop + 1), crop, crop,
                eyeWidth, eyeHeight);
    }

    /** A stable description (goes into the dataset manifest; a different plan means a different dataset). */
    public String describe() {
        return String.format(Locale.ROOT, "eye %dx%d, crop %d, %d frames, reference %dx%d, scenes %s, motions %s, "
                + "seeds 1-%d, ratios %s, validation scenes %d (seed %d), plan seed %d", eyeWidth, eyeHeight, crop,
                frames, reference, reference, scenes, motions.stream().map(HeadMotion::id).toList(), seeds, ratios,
                validationScenes, VALIDATION_SEED, planSeed);
    }
}
