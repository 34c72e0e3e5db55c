package dev.ocular.vrnet.train;

/**
 * Everything a run needs to continue exactly where it stopped: the weights, the optimiser's moments and step count,
 * the rounds completed, the loss curve and the training time so far. Checkpoints are taken between rounds, when no
 * sequence is half-way through, so no history images need saving. Mutable; owned by the trainer while it runs.
 */
public final class TrainState {
    private final ParameterSet weights;
    private final Adam adam;
    private final LossLog log;
    private int rounds;
    private double seconds;

    public TrainState(ParameterSet weights, Adam adam, LossLog log, int rounds, double seconds) {
        this.weights = weights;
        this.adam = adam;
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
