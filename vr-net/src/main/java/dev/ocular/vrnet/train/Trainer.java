package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.ImageData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Trains vrnet's weights on sequences (truncated back-propagation through time: each frame's gradient stops at its
 * history, the net's own previous output, or with {@code TrainConfig.window} 2 one frame further back; {@link
 * FramePass}). Deterministic for a seed, whatever the thread count: stream s
 * always runs on worker s mod threads, each stream writes its own gradient buffer, and the buffers are summed in
 * stream order — so a run resumed from a checkpoint ends bit-identical to one that never stopped.
 */
public final class Trainer {
    /** Progress callbacks, called on the trainer's thread. */
    public interface Listener {
        /** After every optimiser step. */
        void step(long step, double loss, double learningRate);

        /** After every round (the state is consistent: a good moment to checkpoint); true stops the run. */
        boolean roundDone(TrainState state);
    }

    private final TrainConfig config;
    private final SequenceSource source;
    private final SequenceSource validation;

    /** @param validation held-out sequences for the validation curve, or null */
    public Trainer(TrainConfig config, SequenceSource source, SequenceSource validation) {
        if (source.size() == 0) {
            throw new IllegalArgumentException("no training sequences");
        }
        this.config = config;
        this.source = source;
        this.validation = validation;
    }

    /** Runs the remaining rounds of {@code state} (mutated in place) until done or the listener stops it. */
    public TrainState run(TrainState state, Listener listener) {
        ExecutorService pool = newPool("vrnet-train");
        try {
            List<FramePass> passes = passes();
            while (state.rounds() < config.rounds()) {
                long started = System.nanoTime();
                double trainLoss = round(state, pool, passes, listener);
                double validationLoss = Double.NaN;
                int done = state.rounds() + 1;
                if (validation != null && (done % config.validateEvery() == 0 || done == config.rounds())) {
                    validationLoss = validate(state.result(), pool, passes);
                }
                double seconds = state.seconds() + (System.nanoTime() - started) / 1e9;
                double lr = config.learningRate(state.adam().steps(), (double) done / config.rounds());
                state.finishRound(new LossLog.Row(done, state.adam().steps(), trainLoss, validationLoss, lr,
                        seconds));
                if (listener.roundDone(state)) {
                    break;
                }
            }
            return state;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The validation loss of {@code weights} (any spec with the trained layers, e.g. with inference-only settings
     * switched on), on a pool of its own: for choices made after training ({@link RefineCalibration}).
     */
    public double validationLoss(ParameterSet weights) {
        if (validation == null || validation.size() == 0) {
            throw new IllegalStateException("no validation sequences");
        }
        ExecutorService pool = newPool("vrnet-validate");
        try {
            return validate(weights, pool, passes());
        } finally {
            pool.shutdownNow();
        }
    }

    private ExecutorService newPool(String name) {
        return Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** One frame pass (scratch buffers) per worker thread. */
    private List<FramePass> passes() {
        List<FramePass> passes = new ArrayList<>();
        for (int w = 0; w < config.threads(); w++) {
            passes.add(new FramePass(config.window()));
        }
        return passes;
    }

    /** Which sequence stream s trains in round r: a seeded permutation per epoch, so every sequence gets its turn. */
    int pick(int round, int stream) {
        long slot = (long) round * config.streams() + stream;
        long epoch = slot / source.size();
        int position = (int) (slot % source.size());
        int[] order = permutation(source.size(), new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch));
        return order[position];
    }

    private boolean mirrored(int round, int stream) {
        return config.mirror() && new SplittableRandom(config.seed() ^ (round * 7919L + stream * 104729L))
                .nextBoolean();
    }

    private double round(TrainState state, ExecutorService pool, List<FramePass> passes, Listener listener) {
        int streams = config.streams();
        List<TrainSequence> sequences = new ArrayList<>();
        int length = 0;
        for (int s = 0; s < streams; s++) {
            TrainSequence seq = source.sequence(pick(state.rounds(), s));
            sequences.add(mirrored(state.rounds(), s) ? Mirror.of(seq) : seq);
            length = Math.max(length, seq.frames().size());
        }
        int from = config.lossFromFrame();
        if (length <= from) {
            throw new IllegalArgumentException("lossFromFrame " + from + " leaves no trained frame in sequences of "
                    + length + " frames");
        }
        ParameterSet[] grads = new ParameterSet[streams];
        ImageData[] history = new ImageData[streams];
        FramePass.Result[] previous = new FramePass.Result[streams];
        for (int s = 0; s < streams; s++) {
            grads[s] = ParameterSet.zeros(state.weights().spec());
        }
        ParameterSet total = ParameterSet.zeros(state.weights().spec());
        double lossSum = 0;
        int frames = 0;
        for (int t = 0; t < length; t++) {
            int frame = t;
            boolean trained = t >= from;
            double[] losses = new double[streams];
            forEachStream(pool, s -> {
                List<TrainFrame> f = sequences.get(s).frames();
                if (frame >= f.size()) {
                    losses[s] = Double.NaN;
                    return;
                }
                if (trained) {
                    grads[s].clear();
                }
                FramePass.Result r = passes.get(s % passes.size()).run(state.weights(), f.get(frame), history[s],
                        previous[s], config.loss(), trained ? grads[s] : null);
                history[s] = r.output();
                previous[s] = r;
                losses[s] = trained ? r.loss() : Double.NaN;
            });
            if (!trained) {
                continue;
            }
            total.clear();
            int active = 0;
            double stepLoss = 0;
            for (int s = 0; s < streams; s++) {
                if (!Double.isNaN(losses[s])) {
                    active++;
                    stepLoss += losses[s];
                }
            }
            for (int s = 0; s < streams; s++) {
                if (!Double.isNaN(losses[s])) {
                    total.addScaled(grads[s], 1f / active);
                }
            }
            stepLoss /= active;
            requireFinite(stepLoss, total, sequences);
            clip(total);
            double lr = config.learningRate(state.adam().steps(),
                    (state.rounds() + (double) t / length) / config.rounds());
            state.adam().step(state.weights(), total, lr);
            if (state.rounds() >= config.averageFrom()) {
                state.addToAverage();
            }
            lossSum += stepLoss * active;
            frames += active;
            listener.step(state.adam().steps(), stepLoss, lr);
        }
        return lossSum / frames;
    }

    /**
     * Mean loss over the validation sequences' frames from {@code lossFromFrame} on (the training objective), forward
     * only, with {@code weights} (the run's result so far: inside the averaged tail, the average).
     */
    double validate(ParameterSet weights, ExecutorService pool, List<FramePass> passes) {
        int n = validation.size();
        double[] sums = new double[n];
        int[] counts = new int[n];
        runPartitioned(pool, n, i -> {
            TrainSequence seq = validation.sequence(i);
            ImageData history = null;
            FramePass.Result previous = null;
            List<TrainFrame> frames = seq.frames();
            for (int t = 0; t < frames.size(); t++) {
                FramePass.Result r = passes.get(i % passes.size()).run(weights, frames.get(t), history, previous,
                        config.loss(), null);
                history = r.output();
                previous = r;
                if (t >= config.lossFromFrame()) {
                    sums[i] += r.loss();
                    counts[i]++;
                }
            }
        });
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            sum += sums[i];
            count += counts[i];
        }
        return sum / count;
    }

    private void forEachStream(ExecutorService pool, IntConsumer body) {
        runPartitioned(pool, config.streams(), body);
    }

    /** Runs body(i) for i < n, item i on worker i mod threads, and waits; a worker's failure is rethrown here. */
    private void runPartitioned(ExecutorService pool, int n, IntConsumer body) {
        int threads = config.threads();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            tasks.add(() -> {
                for (int i = worker; i < n; i += threads) {
                    body.accept(i);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("training worker failed", cause);
        }
    }

    private void clip(ParameterSet grads) {
        if (config.clipNorm() <= 0) {
            return;
        }
        double norm = grads.norm();
        if (norm > config.clipNorm()) {
            ParameterSet copy = ParameterSet.zeros(grads.spec());
            copy.addScaled(grads, (float) (config.clipNorm() / norm));
            grads.copyFrom(copy);
        }
    }

    private static void requireFinite(double loss, ParameterSet grads, List<TrainSequence> sequences) {
        if (!Double.isFinite(loss) || !grads.finite()) {
            throw new IllegalStateException("training diverged: loss " + loss + " on sequences "
                    + sequences.stream().map(TrainSequence::name).toList());
        }
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
