package dev.ocular.compositor.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import dev.ocular.vrnet.train.TrainConfig;
import dev.ocular.vrnet.train.TrainState;
import dev.ocular.vrnet.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One training run of a preset into an output directory: renders (or reuses) the dataset, then trains each of the
 * preset's members on it in turn, with checkpoints, and writes each member's weights with their provenance, its loss
 * curve (CSV and PNG) and a summary. Layout of {@code out}: member 1's {@value #CHECKPOINT}, {@value #WEIGHTS},
 * {@value #CURVE_CSV}, {@value #CURVE_PNG} and {@value #SUMMARY} (the layout of the single-model runs before
 * ensembles, so their checkpoints resume); member k ≥ 2's files of the same names in {@code member-k/}
 * ({@link #memberDirectory}); and {@code dataset/}, shared by the members, unless another dataset directory is given.
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

        /** Member {@code member} (from 1) of {@code members} starts; its {@link #trainingStarted} follows. */
        default void memberStarted(int member, int members) {
        }

        void trainingStarted(long totalSteps, long doneSteps);

        void step(long step, double loss);

        void checkpoint(int rounds);
    }

    /**
     * What a member's {@value #SUMMARY} holds: where its weights came from and what the run cost.
     *
     * @param datasetSeconds time spent rendering or opening the dataset, once for the whole run (the members share it)
     * @param member         which member this is, from 1
     * @param members        how many the preset trains; when 1, {@value #SUMMARY} leaves both fields out, as it did
     *                       before ensembles
     */
    public record Summary(String preset, String command, String commit, String date, String dataset, String settings,
            int rounds, long steps, double trainingSeconds, double datasetSeconds, double finalTrainLoss,
            double finalValidationLoss, double refineStrength, List<RefineCalibration.Point> refineCalibration,
            String weights, int member, int members) {
    }

    /** Hides the member fields from a single-member run's {@value #SUMMARY}. */
    @JsonIgnoreProperties({"member", "members"})
    private interface SingleModelSummary {
    }

    /** One member of the run: its settings and the directory its files go to. */
    private record Member(int index, int count, TrainConfig training, Path dir) {
        Path file(String name) {
            return dir.resolve(name);
        }

        /** Appended to the provenance; empty for a single-member preset, whose weights read as before ensembles. */
        String note() {
            return count == 1 ? "" : "; ensemble member " + index + " of " + count;
        }
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

    /** Where member {@code member} (from 1) of a run into {@code out} writes its files: {@code out} itself for 1. */
    public static Path memberDirectory(Path out, int member) {
        if (member < 1) {
            throw new IllegalArgumentException("member " + member + ": members count from 1");
        }
        return member == 1 ? out : out.resolve("member-" + member);
    }

    /**
     * Trains every member in order, member 1 first.
     *
     * @param gpu     opened only when the dataset must be rendered
     * @param resume  continue from the members' checkpoints ({@value #CHECKPOINT}; member 1's must exist, a later
     *                member's that does not yet exist starts fresh); without it an existing checkpoint is never
     *                overwritten
     * @param command the command line, for the provenance
     * @param commit  the source commit, for the provenance
     * @return each member's summary, member 1 first
     */
    public List<Summary> run(Supplier<GpuContext> gpu, boolean resume, String command, String commit,
            Progress progress) throws IOException {
        Files.createDirectories(out);
        int count = preset.members().size();
        // Every member is checked before anything trains: a refusal must not come after member 1's hours.
        for (int k = 1; k <= count; k++) {
            Path checkpoint = memberDirectory(out, k).resolve(CHECKPOINT);
            if (!resume && Files.exists(checkpoint)) {
                throw new BadInputException(checkpoint + ": a checkpoint exists; pass --resume to continue it or "
                        + "choose another --out");
            }
        }
        Path first = out.resolve(CHECKPOINT);
        if (resume && !Files.exists(first)) {
            throw new BadInputException(first + ": no checkpoint to resume");
        }
        long datasetStart = System.nanoTime();
        Dataset dataset = dataset(gpu, progress);
        double datasetSeconds = (System.nanoTime() - datasetStart) / 1e9;
        List<Summary> summaries = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            Member member = new Member(k, count, preset.members().get(k - 1), memberDirectory(out, k));
            summaries.add(train(member, dataset, resume, command, commit, datasetSeconds, progress));
        }
        return List.copyOf(summaries);
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

    private Summary train(Member member, Dataset dataset, boolean resume, String command, String commit,
            double datasetSeconds, Progress progress) throws IOException {
        Files.createDirectories(member.dir());
        Path checkpoint = member.file(CHECKPOINT);
        String settings = member.training().describe() + " on " + preset.data().describe();
        // The checkpoint holds the trained spec; the weights are written with the spec as given (TrainPreset.trained).
        NetSpec trained = preset.trained(spec);
        // Under --resume a member without a checkpoint is one the interrupted run had not reached: it starts fresh,
        // while the finished members before it resume at their end and only recalibrate and rewrite their files.
        TrainState state = resume && Files.exists(checkpoint) ? resumeFrom(checkpoint, trained, settings)
                : TrainState.fresh(trained, member.training().seed(), preset.headGain());
        Trainer trainer = new Trainer(member.training(), dataset.split(Shot.TRAIN), dataset.split(Shot.VALIDATION));
        long stepsPerRound = preset.data().frames() - member.training().lossFromFrame();
        progress.memberStarted(member.index(), member.count());
        progress.trainingStarted(stepsPerRound * member.training().rounds(), state.adam().steps());
        Checkpointer saver = new Checkpointer(member, settings, progress);
        trainer.run(state, saver);
        saver.save(state);
        return finish(member, state, trainer, command, commit, settings, datasetSeconds);
    }

    private static TrainState resumeFrom(Path checkpoint, NetSpec spec, String settings) {
        Checkpoint.Loaded loaded = Checkpoint.load(checkpoint, spec);
        if (!loaded.settings().equals(settings)) {
            throw new BadInputException(checkpoint + ": written by a run with other settings ("
                    + loaded.settings() + ")");
        }
        return loaded.state();
    }

    /** Saves a member's checkpoint between rounds when the interval has passed, and its loss curve with it. */
    private final class Checkpointer implements Trainer.Listener {
        private final Member member;
        private final String settings;
        private final Progress progress;
        private long last = System.nanoTime();

        Checkpointer(Member member, String settings, Progress progress) {
            this.member = member;
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
            Path file = member.file(CHECKPOINT);
            try {
                Checkpoint.save(file, state, settings);
                writeCurve(member, state.log());
                last = System.nanoTime();
                progress.checkpoint(state.rounds());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("writing checkpoint " + file, e);
            }
        }
    }

    private void writeCurve(Member member, LossLog log) throws IOException {
        AtomicFile.write(member.file(CURVE_CSV), log.toCsv().getBytes(StandardCharsets.UTF_8));
        // Titled as the provenance reads: every member of an ensemble says which it is.
        LossPlot.write(log, "vr-net training, preset " + preset.name() + member.note().replace(';', ',')
                + " (Charbonnier + temporal, display space)", member.file(CURVE_PNG));
    }

    /** The trained weights with the last refine layer scaled for the clamp, and the curve that chose the factor. */
    private record Calibrated(ParameterSet weights, double strength, List<RefineCalibration.Point> curve,
            String note) {
    }

    private Calibrated calibrate(ParameterSet trained, Trainer trainer) {
        if (preset.refineStrengths().isEmpty() || spec.refine().isEmpty()) {
            return new Calibrated(trained, 1, List.of(), "");
        }
        // Chosen for the spec the weights ship with (clamp included), not the one they were trained in.
        RefineCalibration.Result c = RefineCalibration.calibrate(trained, spec, preset.refineStrengths(),
                trainer::validationLoss);
        return new Calibrated(c.weights(), c.strength(), c.curve(), String.format(Locale.ROOT, "; last refine layer "
                + "x %s, the lowest validation loss under the shipped spec on %s (%.6g; x 1: %.6g)", c.strength(),
                preset.refineStrengths(), c.validationLoss(), c.lossAt(1.0)));
    }

    private Summary finish(Member member, TrainState state, Trainer trainer, String command, String commit,
            String settings, double datasetSeconds) throws IOException {
        List<LossLog.Row> rows = state.log().rows();
        LossLog.Row lastRow = rows.get(rows.size() - 1);
        double validation = Double.NaN;
        for (LossLog.Row r : rows) {
            validation = Double.isNaN(r.validationLoss()) ? validation : r.validationLoss();
        }
        String date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Calibrated calibrated = calibrate(state.result(), trainer);
        String provenance = String.format(Locale.ROOT, "trained by `%s` at commit %s on %s: %d rounds, %d steps, "
                + "%.0f s of training%s%s; dataset: %s%s", command, commit, date, state.rounds(),
                state.adam().steps(), state.seconds(), state.averaged() > 0 ? ", weights averaged over its last "
                        + state.averaged() + " steps" : "", calibrated.note(), preset.data().describe(),
                member.note());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NetModel.META_ARCHITECTURE, state.weights().spec().architecture());
        meta.put(NetModel.META_VERSION, Integer.toString(state.weights().spec().version()));
        meta.put(NetModel.META_PROVENANCE, provenance);
        meta.put(NetModel.META_SPEC, spec.toJson());
        if (spec.refineClamp() && !preset.clampInTraining()) {
            meta.put("ocular.training", "trained without the refine clamp; the spec applies it at inference");
        }
        if (!calibrated.curve().isEmpty()) {
            meta.put("ocular.refineStrength", Double.toString(calibrated.strength()));
        }
        meta.put("ocular.preset", preset.name());
        if (member.count() > 1) {
            meta.put("ocular.ensembleMember", member.index() + " of " + member.count());
        }
        meta.put("ocular.settings", settings);
        meta.put("ocular.commit", commit);
        meta.put("ocular.date", date);
        Path weights = member.file(WEIGHTS);
        NetModel.of(spec, calibrated.weights().allLayers(), meta).save(weights, Tensor.DType.F32);
        Summary summary = new Summary(preset.name(), command, commit, date, preset.data().describe(), settings,
                state.rounds(), state.adam().steps(), state.seconds(), datasetSeconds, lastRow.trainLoss(), validation,
                calibrated.strength(), calibrated.curve(), weights.toString(), member.index(), member.count());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (member.count() == 1) {
            json.addMixIn(Summary.class, SingleModelSummary.class);
        }
        AtomicFile.write(member.file(SUMMARY), json.writeValueAsBytes(summary));
        return summary;
    }
}
