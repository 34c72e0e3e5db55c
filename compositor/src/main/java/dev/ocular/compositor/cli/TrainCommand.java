package dev.ocular.compositor.cli;

import dev.ocular.compositor.report.SourceCommit;
import dev.ocular.compositor.train.Dataset;
import dev.ocular.compositor.train.TrainPreset;
import dev.ocular.compositor.train.TrainRun;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.train.RefineCalibration;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocular train}: renders the dataset of a preset (or reuses it), trains vr-net on the CPU with checkpoints and
 * a progress bar, and writes the weights with their provenance plus the loss curve, for each member of the preset's
 * ensemble in turn ({@link TrainRun}). {@code --preset shipped} reproduces the weights in the vr-net jar
 * (docs/vrnet-model-card.md).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train vr-net: dataset from test-scenes, CPU training, checkpoints, loss curve, weights.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "shipped", description = "Recipe: shipped (the weights ocular ships) "
            + "or smoke (a minute, for CI). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--out", defaultValue = "out/vrnet-train", description = "Output directory (checkpoint, weights, "
            + "loss curve, dataset/; an ensemble's members after the first in member-K/). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--data", description = "Dataset directory (default: OUT/dataset); rendered when missing.")
    Path data;

    @Option(names = "--resume", description = "Continue from OUT/checkpoint.safetensors (and each later member's "
            + "OUT/member-K/checkpoint.safetensors; a member not yet started starts fresh).")
    boolean resume;

    @Option(names = "--dataset-only", description = "Render (or complete) the dataset, then stop.")
    boolean datasetOnly;

    @Option(names = "--rounds", description = "Train this many rounds instead of the preset's (a different recipe: "
            + "for experiments; the shipped weights use the preset's).")
    Integer rounds;

    @Option(names = "--spec", description = "Architecture to train (a vr-net spec JSON; default: the shipped one). "
            + "The weights carry it, so eval, run and bench load them without it.")
    Path specFile;

    @Option(names = "--threads", description = "Training threads (default: available processors). The result "
            + "does not depend on it.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 256) {
            throw new dev.ocular.gpu.BadInputException("--threads: " + workers + " is outside 1..256");
        }
        TrainPreset recipe = TrainPreset.named(preset, workers);
        String command = "ocular train --preset " + recipe.name();
        if (rounds != null) {
            recipe = recipe.withRounds(rounds);
            command += " --rounds " + rounds;
        }
        PrintWriter print = spec.commandLine().getOut();
        GpuHolder gpu = new GpuHolder();
        try (BarProgress progress = new BarProgress(System.err)) {
            NetSpec architecture = specFile != null ? NetSpec.load(specFile) : NetSpec.shipped();
            if (specFile != null) {
                command += " --spec " + specFile;
            }
            TrainRun run = new TrainRun(recipe, architecture, out, data);
            if (datasetOnly) {
                Dataset d = run.dataset(gpu::get, progress);
                print.printf(Locale.ROOT, "dataset: %d shards in %s%n", d.manifest().shards().size(), d.root());
                print.flush();
                return 0;
            }
            List<TrainRun.Summary> members = run.run(gpu::get, resume, command, SourceCommit.describe(), progress);
            for (TrainRun.Summary s : members) {
                printMember(print, s);
            }
        } finally {
            gpu.close();
        }
        print.flush();
        return 0;
    }

    /** A member's lines; prefixed by the member when the preset trains several, as a single model's otherwise. */
    private static void printMember(PrintWriter print, TrainRun.Summary s) {
        String who = s.members() == 1 ? "" : "member " + s.member() + " of " + s.members() + ": ";
        print.printf(Locale.ROOT, "%strained %d rounds (%d steps) in %.0f s (dataset %.0f s); final loss %.5f, "
                + "validation %.5f%n", who, s.rounds(), s.steps(), s.trainingSeconds(), s.datasetSeconds(),
                s.finalTrainLoss(), s.finalValidationLoss());
        for (RefineCalibration.Point p : s.refineCalibration()) {
            print.printf(Locale.ROOT, "%srefine strength %.2f: validation %.6f%s%n", who, p.strength(),
                    p.validationLoss(), p.strength() == s.refineStrength() ? "  <- chosen" : "");
        }
        if (!s.refineCalibration().isEmpty() && RefineCalibration.atEdge(s.refineStrength(),
                s.refineCalibration())) {
            print.printf(Locale.ROOT, "%snote: the chosen refine strength is at the grid's edge; the best factor "
                    + "may lie outside it%n", who);
        }
        print.printf(Locale.ROOT, "%sweights: %s%n", who, s.weights());
    }

    /** Opens the Vulkan device only if the dataset has to be rendered. */
    private static final class GpuHolder implements AutoCloseable {
        private GpuContext gpu;

        GpuContext get() {
            if (gpu == null) {
                gpu = GpuContext.create(GpuOptions.defaults("ocular-train"));
            }
            return gpu;
        }

        @Override
        public void close() {
            if (gpu != null) {
                gpu.close();
            }
        }
    }

    /** Progress bars on stderr: one for the dataset's shots, one per member for the optimiser's steps. */
    private static final class BarProgress implements TrainRun.Progress, AutoCloseable {
        private final PrintStream stream;
        private ProgressBar bar;
        private String task = "train";

        BarProgress(PrintStream stream) {
            this.stream = stream;
        }

        private ProgressBar open(String task, long max, long done) {
            close();
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).startsFrom(done,
                    java.time.Duration.ZERO).setConsumer(new ConsoleProgressBarConsumer(stream))
                    .setUpdateIntervalMillis(1000).build();
            return bar;
        }

        @Override
        public void datasetStarted(int shots) {
            open("dataset", shots, 0);
        }

        @Override
        public void datasetShot(int done) {
            bar.stepTo(done);
        }

        @Override
        public void memberStarted(int member, int members) {
            task = members == 1 ? "train" : "train " + member + "/" + members;
        }

        @Override
        public void trainingStarted(long totalSteps, long doneSteps) {
            open(task, totalSteps, doneSteps);
        }

        @Override
        public void step(long step, double loss) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.5f", loss));
        }

        @Override
        public void checkpoint(int rounds) {
            bar.setExtraMessage("checkpoint after round " + rounds);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
