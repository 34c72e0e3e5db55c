package dev.ocular.compositor.report.sweep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A setting a sweep may vary: either one of a list of names (preset, method, lens…) or a number in a range
 * (sharpening). A per-eye key may also be given as {@code KEY.left} / {@code KEY.right}.
 */
public final class SweepKey {
    private final String name;
    private final boolean perEye;
    private final List<String> choices;
    private final double min;
    private final double max;

    private SweepKey(String name, boolean perEye, List<String> choices, double min, double max) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("sweep key name '" + name + "'");
        }
        this.name = name;
        this.perEye = perEye;
        this.choices = choices;
        this.min = min;
        this.max = max;
    }

    /** A key whose values are names from {@code choices} (matched ignoring case, written as listed). */
    public static SweepKey choice(String name, boolean perEye, List<String> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("sweep key " + name + " has no choices");
        }
        return new SweepKey(name, perEye, List.copyOf(choices), Double.NaN, Double.NaN);
    }

    /** A key whose values are decimal numbers within [min, max]. */
    public static SweepKey number(String name, boolean perEye, double min, double max) {
        return new SweepKey(name, perEye, List.of(), min, max);
    }

    public String name() {
        return name;
    }

    public boolean perEye() {
        return perEye;
    }

    /** What values look like, for error messages. */
    public String describeValues() {
        return choices.isEmpty() ? "a number in [" + plain(min) + ", " + plain(max) + "]" : String.join(", ", choices);
    }

    /** The canonical form of {@code raw}, or empty when it is not a value of this key. */
    public Optional<String> canonical(String raw) {
        if (!choices.isEmpty()) {
            return choices.stream().filter(c -> c.equalsIgnoreCase(raw)).findFirst();
        }
        if (!raw.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(raw);
        double d = value.doubleValue();
        return d >= min && d <= max ? Optional.of(plain(value)) : Optional.empty();
    }

    private static String plain(double d) {
        return plain(BigDecimal.valueOf(d));
    }

    /** 0.50 and .5 are the same sharpening: one spelling, so duplicates are caught and labels stay short. */
    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().toLowerCase(Locale.ROOT);
    }
}
