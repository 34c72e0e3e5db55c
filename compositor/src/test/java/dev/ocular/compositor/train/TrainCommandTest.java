package dev.ocular.compositor.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke training: `ocular train --preset smoke` renders a tiny dataset, trains for a few seconds, and the
 * validation loss falls; its outputs load; a finished checkpoint is never overwritten without --resume; damaged
 * checkpoints and shards are one-line errors with exit 2.
 */
@Tag("device")
class TrainCommandTest {

    private static List<Double> validation(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)[3]).filter(s -> !s.isEmpty())
                .map(Double::parseDouble).toList();
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

        // Without --resume the checkpoint is left alone; with it, a finished run just rewrites the same weights.
        byte[] checkpoint = Files.readAllBytes(out.resolve(TrainRun.CHECKPOINT));
        CliRun again = CliRun.of("train", "--preset", "smoke", "--out", out.toString());
        assertEquals(2, again.exit(), again.err());
        assertEquals(1, again.errorLines().size(), again.err());
        assertTrue(again.errorLines().get(0).contains("--resume"), again.err());
        assertArrayEquals(checkpoint, Files.readAllBytes(out.resolve(TrainRun.CHECKPOINT)));
        CliRun resumed = CliRun.of("train", "--preset", "smoke", "--out", out.toString(), "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(model.layers().get(0).weight()[5],
                VrNetModels.load(out.resolve(TrainRun.WEIGHTS)).layers().get(0).weight()[5]);

        // A damaged checkpoint and a damaged shard: one line each, exit 2.
        Path ckpt = out.resolve(TrainRun.CHECKPOINT);
        Files.write(ckpt, java.util.Arrays.copyOf(checkpoint, checkpoint.length / 2));
        CliRun cut = CliRun.of("train", "--preset", "smoke", "--out", out.toString(), "--resume");
        assertEquals(2, cut.exit(), cut.err());
        assertTrue(cut.errorLines().size() == 1 && cut.errorLines().get(0).contains(TrainRun.CHECKPOINT), cut.err());
        Files.delete(ckpt);
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
