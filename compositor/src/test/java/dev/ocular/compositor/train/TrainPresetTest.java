package dev.ocular.compositor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.BadInputException;
import dev.ocular.vrnet.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes' ensembles: the shipped recipe's member 1 is the single model as it was (its settings string is the one
 * its checkpoints were written with), member 2 differs in the temporal weight alone; and a run refuses before it
 * renders or trains anything when any member's checkpoint is in the way.
 */
class TrainPresetTest {
    /** The shipped recipe's settings before ensembles, as docs/vrnet/v4.3/train.json records them. */
    private static final String SHIPPED_V43_SETTINGS = "{\"streams\":4,\"rounds\":250,\"learningRate\":0.002,"
            + "\"finalLearningRate\":5.0E-5,\"warmupSteps\":100,\"clipNorm\":0.5,\"charbonnierEpsilon\":0.001,"
            + "\"temporalWeight\":0.5,\"edgeWeight\":0.0,\"featureWeight\":0.0,\"featurePixelsPerDegree\":0.0,"
            + "\"seed\":1,\"validateEvery\":20,\"mirror\":true,\"averageTail\":0.0,\"lossFromFrame\":0} on eye "
            + "1032x1104, crop 96, 24 frames, reference 4x4, scenes [thin-wires, moire-textures, hdr-speculars, "
            + "fast-motion, particles, distant-skyline, warehouse], motions [static, slow-pan, fast-yaw, translation, "
            + "nod, teleport], seeds 1-5, ratios [2.0, 1.5, 2.0, 1.5, 3.0], validation scenes 7 (seed 900), plan seed "
            + "2025";

    private static String settings(TrainPreset p, int member) {
        return p.members().get(member).describe() + " on " + p.data().describe();
    }

    @Test
    void shippedMemberOneIsTheSingleModelAndMemberTwoWeighsTheTemporalTermOne() {
        TrainPreset shipped = TrainPreset.shipped(2);
        assertEquals(2, shipped.members().size());
        assertEquals(SHIPPED_V43_SETTINGS, settings(shipped, 0));
        assertEquals(shipped.members().get(0), shipped.training());
        assertEquals(SHIPPED_V43_SETTINGS.replace("\"temporalWeight\":0.5,", "\"temporalWeight\":1.0,"),
                settings(shipped, 1));
        TrainConfig second = shipped.members().get(1);
        assertEquals(1.0f, second.loss().temporalWeight());
        assertEquals(shipped.training().seed(), second.seed());
        // The threads are left out of the settings, so check that they follow the argument in every member.
        assertTrue(shipped.members().stream().allMatch(m -> m.threads() == 2), shipped.members().toString());
    }

    @Test
    void smokeHasTwoMembersDifferingOnlyInTheTemporalWeight() {
        TrainPreset smoke = TrainPreset.smoke(1);
        assertEquals(2, smoke.members().size());
        String first = settings(smoke, 0);
        assertTrue(first.contains("\"temporalWeight\":0.2,"), first);
        assertEquals(first.replace("\"temporalWeight\":0.2,", "\"temporalWeight\":0.5,"), settings(smoke, 1));
    }

    @Test
    void roundsApplyToEveryMember() {
        TrainPreset p = TrainPreset.smoke(1).withRounds(7);
        assertEquals(List.of(7, 7), p.members().stream().map(TrainConfig::rounds).toList());
        assertEquals(TrainPreset.smoke(1).members().get(1).withRounds(7), p.members().get(1));
        assertThrows(BadInputException.class, () -> TrainPreset.smoke(1).withRounds(0));
    }

    @Test
    void aPresetNeedsAMember() {
        TrainPreset smoke = TrainPreset.smoke(1);
        assertThrows(IllegalArgumentException.class, () -> new TrainPreset("none", smoke.data(), List.of(),
                smoke.checkpointSeconds(), smoke.headGain(), smoke.clampInTraining(), smoke.refineStrengths()));
        TrainPreset single = new TrainPreset("one", smoke.data(), smoke.training(), smoke.checkpointSeconds(),
                smoke.headGain(), smoke.clampInTraining(), smoke.refineStrengths());
        assertEquals(List.of(smoke.training()), single.members());
    }

    @Test
    void memberDirectories() {
        Path out = Path.of("out", "vrnet-train");
        assertEquals(out, TrainRun.memberDirectory(out, 1));
        assertEquals(out.resolve("member-2"), TrainRun.memberDirectory(out, 2));
        assertNotEquals(TrainRun.memberDirectory(out, 2), TrainRun.memberDirectory(out, 3));
        assertThrows(IllegalArgumentException.class, () -> TrainRun.memberDirectory(out, 0));
    }

    @Test
    void anyMembersCheckpointRefusesARunBeforeTheDatasetIsTouched(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path second = TrainRun.memberDirectory(out, 2).resolve(TrainRun.CHECKPOINT);
        Files.createDirectories(second.getParent());
        Files.writeString(second, "only its existence matters here");
        TrainRun run = new TrainRun(TrainPreset.smoke(1), out, null);
        BadInputException fresh = assertThrows(BadInputException.class, () -> run.run(() -> {
            throw new AssertionError("opened the device");
        }, false, "test", "test", null));
        assertTrue(fresh.getMessage().startsWith(second + ": a checkpoint exists"), fresh.getMessage());
        // Member 1's checkpoint is what --resume continues; without it there is nothing to resume.
        BadInputException resume = assertThrows(BadInputException.class, () -> run.run(() -> {
            throw new AssertionError("opened the device");
        }, true, "test", "test", null));
        assertEquals(out.resolve(TrainRun.CHECKPOINT) + ": no checkpoint to resume", resume.getMessage());
        assertTrue(Files.notExists(out.resolve("dataset")));
    }
}
