package dev.ocular.compositor.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke training: `ocular train --preset smoke` renders a tiny dataset, trains both members of its ensemble for a
 * few seconds each, and the validation loss falls; its outputs load; a finished checkpoint is never overwritten
 * without --resume; a run stopped before its last member resumes that member from scratch; a one-member preset keeps
 * the single-model layout; damaged checkpoints and shards are one-line errors with exit 2.
 */
@Tag("device")
class TrainCommandTest {

    private static List<Double> validation(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)[3]).filter(s -> !s.isEmpty())
                .map(Double::parseDouble).toList();
    }

    /** Every tensor of a weights file, weights and biases, layer by layer. */
    private static List<float[]> tensors(Path weights) {
        List<float[]> all = new ArrayList<>();
        for (ConvWeights l : VrNetModels.load(weights).allLayers()) {
            all.add(l.weight());
            all.add(l.bias());
        }
        return all;
    }

    private static void assertSameTensors(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ", tensor " + i);
        }
    }

    private static boolean sameTensors(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    @Test
    void smokeTrainingLowersTheLossAndWritesEverything(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("train", "--preset", "smoke", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        List<Double> loss = validation(out.resolve(TrainRun.CURVE_CSV));
        assertTrue(loss.size() >= 3, "validation points: " + loss);
        assertTrue(loss.get(loss.size() - 1) < 0.97 * loss.get(0), "validation loss did not fall: " + loss);
        NetModel model = VrNetModels.load(out.resolve(TrainRun.WEIGHTS));
        assertTrue(model.weightsLabel().contains("ocular train --preset smoke"), model.weightsLabel());
        assertTrue(Files.size(out.resolve(TrainRun.CURVE_PNG)) > 1000);
        assertTrue(Files.readString(out.resolve(TrainRun.SUMMARY)).contains("\"rounds\" : 40"));
        assertEquals(NetSpec.shipped().toJson(), model.metadata().get(NetModel.META_SPEC));
        // Like the shipped recipe, smoke trains without the refine clamp and writes the spec with it.
        assertTrue(model.spec().refineClamp());
        Checkpoint.Loaded trained = Checkpoint.load(out.resolve(TrainRun.CHECKPOINT),
                NetSpec.shipped().withRefineClamp(false));
        // ... and calibrates the refine strength for the clamp: the written weights are the trained ones with the
        // last refine layer times the grid point of lowest validation loss, the others untouched.
        JsonNode summary = new ObjectMapper().readTree(out.resolve(TrainRun.SUMMARY).toFile());
        double strength = summary.get("refineStrength").asDouble();
        List<Double> grid = new ArrayList<>();
        double lowest = Double.MAX_VALUE;
        for (JsonNode p : summary.get("refineCalibration")) {
            grid.add(p.get("strength").asDouble());
            lowest = Math.min(lowest, p.get("validationLoss").asDouble());
            if (p.get("strength").asDouble() == strength) {
                assertEquals(lowest, p.get("validationLoss").asDouble());
            }
        }
        assertEquals(TrainPreset.smoke(1).refineStrengths(), grid);
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "refine strength %.2f", strength)), r.out());
        List<ConvWeights> written = model.allLayers();
        List<ConvWeights> result = trained.state().result().allLayers();
        assertEquals(result.size(), written.size());
        for (int l = 0; l < written.size(); l++) {
            float k = l == written.size() - 1 ? (float) strength : 1f;
            float[] expected = result.get(l).weight().clone();
            for (int j = 0; j < expected.length; j++) {
                expected[j] *= k;
            }
            assertArrayEquals(expected, written.get(l).weight(), "layer " + l);
        }
        assertTrue(model.weightsLabel().contains("last refine layer x " + strength), model.weightsLabel());

        // The second member: its own files under member-2/, the same recipe but for the loss's temporal weight, trained
        // into other tensors, and weights that say which member they are.
        TrainPreset smoke = TrainPreset.smoke(1);
        String settings1 = smoke.members().get(0).describe() + " on " + smoke.data().describe();
        assertEquals(settings1, model.metadata().get("ocular.settings"));
        assertTrue(model.weightsLabel().endsWith("; ensemble member 1 of 2"), model.weightsLabel());
        Path member2 = out.resolve("member-2");
        assertEquals(TrainRun.memberDirectory(out, 2), member2);
        for (String f : List.of(TrainRun.CHECKPOINT, TrainRun.WEIGHTS, TrainRun.CURVE_CSV, TrainRun.CURVE_PNG,
                TrainRun.SUMMARY)) {
            assertTrue(Files.isRegularFile(member2.resolve(f)), f);
        }
        NetModel model2 = VrNetModels.load(member2.resolve(TrainRun.WEIGHTS));
        assertTrue(model2.weightsLabel().contains("ocular train --preset smoke"), model2.weightsLabel());
        assertTrue(model2.weightsLabel().endsWith("; ensemble member 2 of 2"), model2.weightsLabel());
        assertEquals("2 of 2", model2.metadata().get("ocular.ensembleMember"));
        String settings2 = model2.metadata().get("ocular.settings");
        assertTrue(settings1.contains("\"temporalWeight\":0.2,"), settings1);
        assertEquals(settings1.replace("\"temporalWeight\":0.2,", "\"temporalWeight\":0.5,"), settings2);
        assertEquals(NetSpec.shipped().toJson(), model2.metadata().get(NetModel.META_SPEC));
        assertFalse(sameTensors(tensors(out.resolve(TrainRun.WEIGHTS)), tensors(member2.resolve(TrainRun.WEIGHTS))),
                "the two members' weights are the same");
        Checkpoint.Loaded trained2 = Checkpoint.load(member2.resolve(TrainRun.CHECKPOINT),
                NetSpec.shipped().withRefineClamp(false));
        assertEquals(settings2, trained2.settings());
        List<Double> loss2 = validation(member2.resolve(TrainRun.CURVE_CSV));
        assertTrue(loss2.get(loss2.size() - 1) < 0.97 * loss2.get(0), "member 2's validation loss: " + loss2);
        JsonNode summary2 = new ObjectMapper().readTree(member2.resolve(TrainRun.SUMMARY).toFile());
        assertEquals(2, summary2.get("member").asInt());
        assertEquals(2, summary2.get("members").asInt());
        assertEquals(40, summary2.get("rounds").asInt());
        assertEquals(member2.resolve(TrainRun.WEIGHTS).toString(), summary2.get("weights").asText());
        assertEquals(1, summary.get("member").asInt());
        // Each member's lines, named: member 1's first.
        String weights1 = "member 1 of 2: weights: " + out.resolve(TrainRun.WEIGHTS);
        String weights2 = "member 2 of 2: weights: " + member2.resolve(TrainRun.WEIGHTS);
        assertTrue(r.out().contains(weights1) && r.out().indexOf(weights1) < r.out().indexOf(weights2), r.out());
        assertTrue(r.out().contains("member 2 of 2: trained 40 rounds"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "member 2 of 2: refine strength %.2f",
                summary2.get("refineStrength").asDouble())), r.out());

        // Without --resume the checkpoint is left alone; with it, a finished run just rewrites the same weights.
        byte[] checkpoint = Files.readAllBytes(out.resolve(TrainRun.CHECKPOINT));
        CliRun again = CliRun.of("train", "--preset", "smoke", "--out", out.toString());
        assertEquals(2, again.exit(), again.err());
        assertEquals(1, again.errorLines().size(), again.err());
        assertTrue(again.errorLines().get(0).contains("--resume"), again.err());
        assertArrayEquals(checkpoint, Files.readAllBytes(out.resolve(TrainRun.CHECKPOINT)));
        List<float[]> first = tensors(out.resolve(TrainRun.WEIGHTS));
        List<float[]> second = tensors(member2.resolve(TrainRun.WEIGHTS));
        CliRun resumed = CliRun.of("train", "--preset", "smoke", "--out", out.toString(), "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertSameTensors(first, tensors(out.resolve(TrainRun.WEIGHTS)), "member 1 after --resume");
        assertSameTensors(second, tensors(member2.resolve(TrainRun.WEIGHTS)), "member 2 after --resume");

        // A damaged checkpoint and a damaged shard: one line each, exit 2.
        Path ckpt = out.resolve(TrainRun.CHECKPOINT);
        Files.write(ckpt, Arrays.copyOf(checkpoint, checkpoint.length / 2));
        CliRun cut = CliRun.of("train", "--preset", "smoke", "--out", out.toString(), "--resume");
        assertEquals(2, cut.exit(), cut.err());
        assertTrue(cut.errorLines().size() == 1 && cut.errorLines().get(0).contains(TrainRun.CHECKPOINT), cut.err());
        Files.delete(ckpt);
        Files.delete(member2.resolve(TrainRun.CHECKPOINT));
        Dataset data = Dataset.open(out.resolve("dataset"));
        Path shard = out.resolve("dataset").resolve(data.manifest().shards().get(0).file());
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        CliRun corrupt = CliRun.of("train", "--preset", "smoke", "--out", out.toString());
        assertEquals(2, corrupt.exit(), corrupt.err());
        assertTrue(corrupt.errorLines().size() == 1 && corrupt.errorLines().get(0).contains("corrupt"),
                corrupt.err());
    }

    @Test
    void aRunStoppedBeforeItsLastMemberResumesItFromScratch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("train", "--preset", "smoke", "--rounds", "3", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        Path member2 = out.resolve("member-2");
        List<float[]> first = tensors(out.resolve(TrainRun.WEIGHTS));
        List<float[]> second = tensors(member2.resolve(TrainRun.WEIGHTS));
        assertFalse(sameTensors(first, second), "the two members' weights are the same");

        // As if stopped before member 2's first checkpoint: member 1 is finished, member 2 has left nothing.
        for (String f : List.of(TrainRun.CHECKPOINT, TrainRun.WEIGHTS, TrainRun.CURVE_CSV, TrainRun.CURVE_PNG,
                TrainRun.SUMMARY)) {
            Files.delete(member2.resolve(f));
        }
        CliRun resumed = CliRun.of("train", "--preset", "smoke", "--rounds", "3", "--out", out.toString(), "--resume",
                "--threads", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("member 2 of 2: trained 3 rounds"), resumed.out());
        // Member 1 resumed at its end; member 2 trained its whole schedule again, from the seed, into the same tensors.
        assertSameTensors(first, tensors(out.resolve(TrainRun.WEIGHTS)), "member 1");
        assertSameTensors(second, tensors(member2.resolve(TrainRun.WEIGHTS)), "member 2, trained again");
        assertTrue(Files.isRegularFile(member2.resolve(TrainRun.CHECKPOINT)));

        // A later member's checkpoint alone still refuses a run without --resume, before the dataset is touched.
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("member-2"));
        Files.copy(member2.resolve(TrainRun.CHECKPOINT), other.resolve("member-2").resolve(TrainRun.CHECKPOINT));
        CliRun refused = CliRun.of("train", "--preset", "smoke", "--rounds", "3", "--out", other.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.errorLines().size() == 1 && refused.errorLines().get(0).contains(
                other.resolve("member-2").resolve(TrainRun.CHECKPOINT).toString()), refused.err());
        assertFalse(Files.exists(other.resolve("dataset")));

        // A one-member preset on the same data: the single-model layout (no member-2/, no member fields, nothing
        // about an ensemble in the weights) and member 1's very tensors: the ensemble left member 1 as it was.
        TrainPreset smoke = TrainPreset.smoke(2).withRounds(3);
        TrainPreset single = new TrainPreset(smoke.name(), smoke.data(), smoke.training(), smoke.checkpointSeconds(),
                smoke.headGain(), smoke.clampInTraining(), smoke.refineStrengths());
        Path one = dir.resolve("one");
        List<TrainRun.Summary> summaries = new TrainRun(single, one, out.resolve("dataset")).run(() -> {
            throw new AssertionError("the dataset is there; no device needed");
        }, false, "ocular train --preset smoke --rounds 3", "test", new SilentProgress());
        assertEquals(1, summaries.size());
        assertEquals(1, summaries.get(0).members());
        try (var files = Files.list(one)) {
            assertEquals(List.of(TrainRun.CHECKPOINT, TrainRun.CURVE_CSV, TrainRun.CURVE_PNG, TrainRun.SUMMARY,
                    TrainRun.WEIGHTS), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        JsonNode summary = new ObjectMapper().readTree(one.resolve(TrainRun.SUMMARY).toFile());
        assertFalse(summary.has("member") || summary.has("members"), summary.toString());
        assertEquals(3, summary.get("rounds").asInt());
        NetModel model = VrNetModels.load(one.resolve(TrainRun.WEIGHTS));
        assertFalse(model.weightsLabel().contains("ensemble"), model.weightsLabel());
        assertFalse(model.metadata().containsKey("ocular.ensembleMember"));
        assertSameTensors(first, tensors(one.resolve(TrainRun.WEIGHTS)), "the one-member run against member 1");
    }

    /** Shows nothing. */
    private static final class SilentProgress implements TrainRun.Progress {
        @Override
        public void datasetStarted(int shots) {
        }

        @Override
        public void datasetShot(int done) {
        }

        @Override
        public void trainingStarted(long totalSteps, long doneSteps) {
        }

        @Override
        public void step(long step, double loss) {
        }

        @Override
        public void checkpoint(int rounds) {
        }
    }

    @Test
    void badPresetOrMissingCheckpointIsOneLine(@TempDir Path dir) throws Exception {
        CliRun preset = CliRun.of("train", "--preset", "huge", "--out", dir.toString());
        assertEquals(2, preset.exit(), preset.err());
        assertTrue(preset.errorLines().get(0).contains("huge"), preset.err());
        CliRun resume = CliRun.of("train", "--preset", "smoke", "--out", dir.resolve("none").toString(), "--resume");
        assertEquals(2, resume.exit(), resume.err());
        assertTrue(resume.errorLines().get(0).contains("no checkpoint"), resume.err());
        Path missing = dir.resolve("missing.json");
        CliRun spec = CliRun.of("train", "--preset", "smoke", "--out", dir.resolve("s").toString(), "--spec",
                missing.toString());
        assertEquals(2, spec.exit(), spec.err());
        assertEquals(List.of(missing + ": file: does not exist"), spec.errorLines().stream()
                .map(l -> l.replaceFirst("^ocular: ", "")).toList(), spec.err());
    }

    @Test
    void anotherArchitectureTrainsIntoWeightsThatCarryIt(@TempDir Path dir) throws Exception {
        String json = NetSpec.shipped().toJson().replaceAll("\"out\"\\s*:\\s*8\\b", "\"out\": 4")
                .replaceAll("\"in\"\\s*:\\s*8\\b", "\"in\": 4");
        Path specFile = dir.resolve("narrow.json");
        Files.writeString(specFile, json);
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("train", "--preset", "smoke", "--rounds", "2", "--spec", specFile.toString(), "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        NetModel model = VrNetModels.load(out.resolve(TrainRun.WEIGHTS));
        assertEquals(NetSpec.load(specFile), model.spec());
        assertEquals(4, model.refine().get(0).layer().out());
        assertTrue(model.weightsLabel().contains("--spec " + specFile), model.weightsLabel());
    }
}
