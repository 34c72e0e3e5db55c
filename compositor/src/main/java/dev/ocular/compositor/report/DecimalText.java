package dev.ocular.compositor.report;

/**
 * Fixed-point decimal text for exports: locale-independent, never in exponent notation (CSV and trace readers choke
 * on "1.0E-4"), and without String.format's cost, which matters for an hour-long run's millions of cells.
 */
public final class DecimalText {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private DecimalText() {
    }

    /** Appends {@code value} rounded to {@code decimals} (0..6) places; NaN and infinities append nothing. */
    public static void append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            return;
        }
        long scale = POW10[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        if (decimals > 0) {
            out.append('.');
            String fraction = Long.toString(scaled % scale);
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
    }

    /** {@code value} rounded to {@code decimals} places; empty for NaN and infinities. */
    public static String format(double value, int decimals) {
        StringBuilder sb = new StringBuilder(16);
        append(sb, value, decimals);
        return sb.toString();
    }

    /** Integer nanoseconds as µs with three decimals, exactly (no floating-point rounding). */
    public static String nanosAsMicros(long nanos) {
        StringBuilder sb = new StringBuilder(20);
        if (nanos < 0) {
            sb.append('-');
        }
        long abs = Math.abs(nanos);
        sb.append(abs / 1000).append('.');
        long fraction = abs % 1000;
        if (fraction < 100) {
            sb.append(fraction < 10 ? "00" : "0");
        }
        return sb.append(fraction).toString();
    }
}
