package dev.ocular.vrnet.train;

import java.util.Locale;

/**
 * The settings of a training run. A round trains {@code streams} sequences side by side, one optimiser step per frame
 * (each step averages the streams' gradients); rounds are the unit of checkpoints and of the loss curve.
 *
 * @param streams           sequences trained side by side (the batch size of each step)
 * @param rounds            rounds in the whole run
 * @param learningRate      peak learning rate (after warm-up)
 * @param finalLearningRate learning rate at the end of the cosine decay
 * @param warmupSteps       linear warm-up from 0, in optimiser steps
 * @param clipNorm          the gradient's global norm is scaled down to this (0: no clipping)
 * @param loss              the loss ({@link DisplayLoss})
 * @param seed              initial weights, sequence order and mirroring all derive from it
 * @param threads           worker threads; results do not depend on it (streams have fixed gradient buffers)
 * @param validateEvery     validation loss every this many rounds (and after the last)
 * @param mirror            whether half of the sequences are mirrored left to right
 * @param averageTail       fraction of the run, at its end, whose iterates are averaged into the weights the run
 *                          writes (stochastic weight averaging, Izmailov et al. 2018, "Averaging Weights Leads to Wider
 *                          Optima and Better Generalization"); 0 writes the last iterate
 * @param lossFromFrame     the first frame of each sequence that is trained (earlier ones only build history)
 * @param window            frames a gradient reaches back through history: 1 (detached) or 2 ({@link FramePass})
 */
public record TrainConfig(int streams, int rounds, double learningRate, double finalLearningRate, int warmupSteps,
        double clipNorm, DisplayLoss loss, long seed, int threads, int validateEvery, boolean mirror,
        double averageTail, int lossFromFrame, int window) {
    public TrainConfig {
        if (streams < 1 || rounds < 1 || !(learningRate > 0) || !(finalLearningRate >= 0) || warmupSteps < 0
                || !(clipNorm >= 0) || threads < 1 || validateEvery < 1 || !(averageTail >= 0 && averageTail < 1)
                || lossFromFrame < 0 || window < 1 || window > 2) {
            throw new IllegalArgumentException("bad training settings " + describe(streams, rounds, learningRate,
                    finalLearningRate, warmupSteps, clipNorm, loss, seed, validateEvery, mirror, averageTail,
                    lossFromFrame, window));
        }
    }

    /** The same settings with another round count (the schedule and the averaged tail stretch with it). */
    public TrainConfig withRounds(int newRounds) {
        return new TrainConfig(streams, newRounds, learningRate, finalLearningRate, warmupSteps, clipNorm, loss, seed,
                threads, validateEvery, mirror, averageTail, lossFromFrame, window);
    }

    /** The first round whose optimiser steps go into the average ({@link #rounds()} when the tail is 0: none do). */
    public int averageFrom() {
        return (int) Math.floor(rounds * (1 - averageTail));
    }

    /**
     * The settings a resumed run must match, as JSON (threads are left out: they do not change the result).
     */
    public String describe() {
        return describe(streams, rounds, learningRate, finalLearningRate, warmupSteps, clipNorm, loss, seed,
                validateEvery, mirror, averageTail, lossFromFrame, window);
    }

    private static String describe(int streams, int rounds, double lr, double finalLr, int warmup, double clip,
            DisplayLoss loss, long seed, int validateEvery, boolean mirror, double averageTail, int lossFromFrame,
            int window) {
        // The window is written only when it is not the original one frame, so earlier runs' descriptions (and the
        // provenance of weights trained before it existed) read the same.
        String windowField = window == 1 ? "" : ",\"window\":" + window;
        return String.format(Locale.ROOT, "{\"streams\":%d,\"rounds\":%d,\"learningRate\":%s,\"finalLearningRate\":%s,"
                + "\"warmupSteps\":%d,\"clipNorm\":%s,\"charbonnierEpsilon\":%s,\"temporalWeight\":%s,"
                + "\"edgeWeight\":%s,\"featureWeight\":%s,\"featurePixelsPerDegree\":%s,\"seed\":%d,\"validateEvery\":%d,\"mirror\":%b,\"averageTail\":%s,"
                + "\"lossFromFrame\":%d%s}", streams,
                rounds, lr, finalLr, warmup, clip, loss == null ? "null" : loss.epsilon(),
                loss == null ? "null" : loss.temporalWeight(), loss == null ? "null" : loss.edgeWeight(),
                loss == null ? "null" : loss.featureWeight(), loss == null ? "null" : loss.pixelsPerDegree(), seed,
                validateEvery, mirror, averageTail, lossFromFrame, windowField);
    }

    /** Learning rate at a point of the run: linear warm-up, then cosine decay over {@code progress} ∈ [0, 1]. */
    public double learningRate(long step, double progress) {
        double cosine = finalLearningRate + 0.5 * (learningRate - finalLearningRate)
                * (1 + Math.cos(Math.PI * Math.min(Math.max(progress, 0), 1)));
        if (step < warmupSteps) {
            return cosine * (step + 1) / warmupSteps;
        }
        return cosine;
    }
}
