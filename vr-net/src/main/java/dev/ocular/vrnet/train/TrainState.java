package dev.ocular.vrnet.train;

import java.util.List;

/**
 * Everything a run needs to continue exactly where it stopped: the weights, the optimiser's moments and step count,
 * the running average of the iterates in the run's averaged tail ({@link TrainConfig#averageTail()}), the rounds
 * completed, the loss curve and the training time so far. Checkpoints are taken between rounds, when no
 * sequence is half-way through, so no history images need saving. Mutable; owned by the trainer while it runs.
 */
public final class TrainState {
    private final ParameterSet weights;
    private final Adam adam;
    private final LossLog log;
    private final ParameterSet average;
    private long averaged;
    private int rounds;
    private double seconds;

    public TrainState(ParameterSet weights, Adam adam, LossLog log, int rounds, double seconds) {
        this(weights, adam, ParameterSet.zeros(weights.spec()), 0, log, rounds, seconds);
    }

    /** @param average the mean of the last {@code averaged} iterates (ignored while that is 0) */
    public TrainState(ParameterSet weights, Adam adam, ParameterSet average, long averaged, LossLog log, int rounds,
            double seconds) {
        if (averaged < 0) {
            throw new IllegalArgumentException("negative averaged count " + averaged);
        }
        this.weights = weights;
        this.adam = adam;
        this.average = average;
        this.averaged = averaged;
        this.log = log;
        this.rounds = rounds;
        this.seconds = seconds;
    }

    /** A fresh run from the trainer's seeded initial weights (zero head: the TAAU resolve). */
    public static TrainState fresh(dev.ocular.vrnet.model.NetSpec spec, long seed) {
        return fresh(spec, seed, 0);
    }

    /** A fresh run whose head starts random with gain {@code headGain} (see {@link ParameterSet#initial}). */
    public static TrainState fresh(dev.ocular.vrnet.model.NetSpec spec, long seed, double headGain) {
        return new TrainState(ParameterSet.initial(spec, seed, headGain), new Adam(spec), new LossLog(), 0, 0);
    }

    public ParameterSet weights() {
        return weights;
    }

    public Adam adam() {
        return adam;
    }

    public LossLog log() {
        return log;
    }

    /** The running mean of the averaged iterates (meaningless while {@link #averaged()} is 0). */
    public ParameterSet average() {
        return average;
    }

    /** How many iterates the average holds. */
    public long averaged() {
        return averaged;
    }

    /** The weights a run stopped now would write: the average once it holds any iterate, else the current weights. */
    public ParameterSet result() {
        return averaged > 0 ? average : weights;
    }

    /** Folds the current weights into the running mean: avg += (w − avg) / n, exact for n = 1. */
    void addToAverage() {
        averaged++;
        List<float[]> mean = average.arrays();
        List<float[]> now = weights.arrays();
        float step = (float) (1.0 / averaged);
        for (int a = 0; a < mean.size(); a++) {
            float[] m = mean.get(a);
            float[] w = now.get(a);
            for (int j = 0; j < m.length; j++) {
                m[j] += (w[j] - m[j]) * step;
            }
        }
    }

    public int rounds() {
        return rounds;
    }

    public double seconds() {
        return seconds;
    }

    void finishRound(LossLog.Row row) {
        rounds = row.round();
        seconds = row.seconds();
        log.add(row);
    }
}
