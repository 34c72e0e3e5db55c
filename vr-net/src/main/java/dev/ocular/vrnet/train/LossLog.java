package dev.ocular.vrnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loss curve of a training run, one row per round, kept in checkpoints so a resumed run continues the same curve.
 * Not thread-safe.
 */
public final class LossLog {
    /**
     * @param round          rounds completed, counted from 1
     * @param step           optimiser steps taken so far
     * @param trainLoss      mean training loss over the round's frames
     * @param validationLoss mean loss on the validation sequences after the round, NaN when not measured
     * @param learningRate   learning rate at the round's last step
     * @param seconds        wall-clock seconds of training so far, summed over resumed runs
     */
    public record Row(int round, long step, double trainLoss, double validationLoss, double learningRate,
            double seconds) {
    }

    public static final String CSV_HEADER = "round,step,train_loss,validation_loss,learning_rate,seconds";
    /** Columns of the packed form, in {@link Row}'s order. */
    static final int COLUMNS = 6;

    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%d,%d,%.6g,%s,%.6g,%.1f%n", r.round(), r.step(), r.trainLoss(),
                    Double.isNaN(r.validationLoss()) ? "" : String.format(Locale.ROOT, "%.6g", r.validationLoss()),
                    r.learningRate(), r.seconds()));
        }
        return sb.toString();
    }

    /** Row-major floats, {@link #COLUMNS} per row, for storing as a tensor. */
    float[] pack() {
        float[] out = new float[rows.size() * COLUMNS];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double[] v = {r.round(), r.step(), r.trainLoss(), r.validationLoss(), r.learningRate(), r.seconds()};
            for (int c = 0; c < COLUMNS; c++) {
                out[i * COLUMNS + c] = (float) v[c];
            }
        }
        return out;
    }

    static LossLog unpack(float[] packed) {
        LossLog log = new LossLog();
        for (int i = 0; i + COLUMNS <= packed.length; i += COLUMNS) {
            log.add(new Row((int) packed[i], (long) packed[i + 1], packed[i + 2], packed[i + 3], packed[i + 4],
                    packed[i + 5]));
        }
        return log;
    }
}
