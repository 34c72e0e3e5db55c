package dev.ocular.compositor.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.io.AtomicFile;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.Tensor;
import dev.ocular.vrnet.train.Checkpoint;
import dev.ocular.vrnet.train.LossLog;
import dev.ocular.vrnet.train.ParameterSet;
import dev.ocular.vrnet.train.RefineCalibration;
import dev.ocular.vrnet.train.TrainState;
import dev.ocular.vrnet.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One training run of a preset into an output directory: renders (or reuses) the dataset, trains with checkpoints,
 * and writes the weights with their provenance, the loss curve (CSV and PNG) and a summary. Layout of {@code out}:
 * {@value #CHECKPOINT}, {@value #WEIGHTS}, {@value #CURVE_CSV}, {@value #CURVE_PNG}, {@value #SUMMARY}, and
 * {@code dataset/} unless another dataset directory is given.
 */
public final class TrainRun {
    public static final String CHECKPOINT = "checkpoint.safetensors";
    public static final String WEIGHTS = "vrnet.safetensors";
    public static final String CURVE_CSV = "loss.csv";
    public static final String CURVE_PNG = "loss.png";
    public static final String SUMMARY = "train.json";

    /** What the caller shows while it runs. */
    public interface Progress {
        void datasetStarted(int shots);

        void datasetShot(int done);

        void trainingStarted(long totalSteps, long doneSteps);

        void step(long step, double loss);

        void checkpoint(int rounds);
    }

    /** What {@value #SUMMARY} holds: where the weights came from and what the run cost. */
    public record Summary(String preset, String command, String commit, String date, String dataset, String settings,
            int rounds, long steps, double trainingSeconds, double datasetSeconds, double finalTrainLoss,
            double finalValidationLoss, double refineStrength, List<RefineCalibration.Point> refineCalibration,
            String weights) {
    }

    private final TrainPreset preset;
    private final NetSpec spec;
    private final Path out;
    private final Path data;

    /** Trains the shipped architecture. */
    public TrainRun(TrainPreset preset, Path out, Path data) {
        this(preset, NetSpec.shipped(), out, data);
    }

    /** @param spec the architecture to train (the weights record it, so they load without the spec file) */
    public TrainRun(TrainPreset preset, NetSpec spec, Path out, Path data) {
        this.preset = preset;
        this.spec = spec;
        this.out = out;
        this.data = data != null ? data : out.resolve("dataset");
    }

    /**
     * @param gpu     opened only when the dataset must be rendered
     * @param resume  continue from {@value #CHECKPOINT}; without it an existing checkpoint is never overwritten
     * @param command the command line, for the provenance
     * @param commit  the source commit, for the provenance
     */
    public Summary run(Supplier<GpuContext> gpu, boolean resume, String command, String commit, Progress progress)
            throws IOException {
        Files.createDirectories(out);
        Path checkpoint = out.resolve(CHECKPOINT);
        if (!resume && Files.exists(checkpoint)) {
            throw new BadInputException(checkpoint + ": a checkpoint exists; pass --resume to continue it or choose "
                    + "another --out");
        }
        if (resume && !Files.exists(checkpoint)) {
            throw new BadInputException(checkpoint + ": no checkpoint to resume");
        }
        long datasetStart = System.nanoTime();
        Dataset dataset = dataset(gpu, progress);
        double datasetSeconds = (System.nanoTime() - datasetStart) / 1e9;
        String settings = preset.training().describe() + " on " + preset.data().describe();
        // The checkpoint holds the trained spec; the weights are written with the spec as given (TrainPreset.trained).
        NetSpec trained = preset.trained(spec);
        TrainState state = resume ? resumeFrom(checkpoint, trained, settings) : TrainState.fresh(trained,
                preset.training().seed(), preset.headGain());
        Trainer trainer = new Trainer(preset.training(), dataset.split(Shot.TRAIN), dataset.split(Shot.VALIDATION));
        long stepsPerRound = preset.data().frames() - preset.training().lossFromFrame();
        progress.trainingStarted(stepsPerRound * preset.training().rounds(), state.adam().steps());
        Checkpointer saver = new Checkpointer(checkpoint, settings, progress);
        trainer.run(state, saver);
        saver.save(state);
        return finish(state, trainer, command, commit, settings, datasetSeconds);
    }

    /** Renders the preset's dataset into the data directory, or opens it when it is already there. */
    public Dataset dataset(Supplier<GpuContext> gpu, Progress progress) throws IOException {
        if (Files.isRegularFile(data.resolve(Dataset.MANIFEST))) {
            Dataset d = Dataset.open(data);
            if (d.manifest().plan().equals(preset.data().describe())) {
                return d;
            }
            throw new BadInputException(data + ": holds a dataset of another plan; use another --data directory");
        }
        progress.datasetStarted(preset.data().shots().size());
        return new DatasetBuilder(gpu.get(), SceneCatalog.builtIn()).build(preset.data(), data,
                progress::datasetShot);
    }

    private static TrainState resumeFrom(Path checkpoint, NetSpec spec, String settings) {
        Checkpoint.Loaded loaded = Checkpoint.load(checkpoint, spec);
        if (!loaded.settings().equals(settings)) {
            throw new BadInputException(checkpoint + ": written by a run with other settings ("
                    + loaded.settings() + ")");
        }
        return loaded.state();
    }

    /** Saves a checkpoint between rounds when the interval has passed, and the loss curve with it. */
    private final class Checkpointer implements Trainer.Listener {
        private final Path file;
        private final String settings;
        private final Progress progress;
        private long last = System.nanoTime();

        Checkpointer(Path file, String settings, Progress progress) {
            this.file = file;
            this.settings = settings;
            this.progress = progress;
        }

        @Override
        public void step(long step, double loss, double learningRate) {
            progress.step(step, loss);
        }

        @Override
        public boolean roundDone(TrainState state) {
            if ((System.nanoTime() - last) / 1e9 >= preset.checkpointSeconds()) {
                save(state);
            }
            return false;
        }

        void save(TrainState state) {
            try {
                Checkpoint.save(file, state, settings);
                writeCurve(state.log());
                last = System.nanoTime();
                progress.checkpoint(state.rounds());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("writing checkpoint " + file, e);
            }
        }
    }

    private void writeCurve(LossLog log) throws IOException {
        AtomicFile.write(out.resolve(CURVE_CSV), log.toCsv().getBytes(StandardCharsets.UTF_8));
        LossPlot.write(log, "vr-net training, preset " + preset.name() + " (Charbonnier + temporal, display space)",
                out.resolve(CURVE_PNG));
    }

    private Summary finish(TrainState state, Trainer trainer, String command, String commit, String settings,
            double datasetSeconds) throws IOException {
        List<LossLog.Row> rows = state.log().rows();
        LossLog.Row lastRow = rows.get(rows.size() - 1);
        double validation = Double.NaN;
        for (LossLog.Row r : rows) {
            validation = Double.isNaN(r.validationLoss()) ? validation : r.validationLoss();
        }
        String date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ParameterSet weights = state.result();
        double strength = 1;
        List<RefineCalibration.Point> curve = List.of();
        String calibrated = "";
        if (!preset.refineStrengths().isEmpty() && !spec.refine().isEmpty()) {
            // Chosen for the spec the weights ship with (clamp included), not the one they were trained in.
            RefineCalibration.Result c = RefineCalibration.calibrate(weights, spec, preset.refineStrengths(),
                    trainer::validationLoss);
            weights = c.weights();
            strength = c.strength();
            curve = c.curve();
            calibrated = String.format(Locale.ROOT, "; last refine layer x %s, the lowest validation loss under the "
                    + "shipped spec on %s (%.6g; x 1: %.6g)", c.strength(), preset.refineStrengths(),
                    c.validationLoss(), c.lossAt(1.0));
        }
        String provenance = String.format(Locale.ROOT, "trained by `%s` at commit %s on %s: %d rounds, %d steps, "
                + "%.0f s of training%s%s; dataset: %s", command, commit, date, state.rounds(), state.adam().steps(),
                state.seconds(), state.averaged() > 0 ? ", weights averaged over its last " + state.averaged()
                        + " steps" : "", calibrated, preset.data().describe());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NetModel.META_ARCHITECTURE, state.weights().spec().architecture());
        meta.put(NetModel.META_VERSION, Integer.toString(state.weights().spec().version()));
        meta.put(NetModel.META_PROVENANCE, provenance);
        meta.put(NetModel.META_SPEC, spec.toJson());
        if (spec.refineClamp() && !preset.clampInTraining()) {
            meta.put("ocular.training", "trained without the refine clamp; the spec applies it at inference");
        }
        if (!curve.isEmpty()) {
            meta.put("ocular.refineStrength", Double.toString(strength));
        }
        meta.put("ocular.preset", preset.name());
        meta.put("ocular.settings", settings);
        meta.put("ocular.commit", commit);
        meta.put("ocular.date", date);
        NetModel.of(spec, weights.allLayers(), meta).save(out.resolve(WEIGHTS), Tensor.DType.F32);
        Summary summary = new Summary(preset.name(), command, commit, date, preset.data().describe(), settings,
                state.rounds(), state.adam().steps(), state.seconds(), datasetSeconds, lastRow.trainLoss(), validation,
                strength, curve, out.resolve(WEIGHTS).toString());
        AtomicFile.write(out.resolve(SUMMARY), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(summary));
        return summary;
    }
}
