package org.hhw.schedules.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.hhw.schedules.TextTable;

/**
 * One line of the table the bench ends with: a figure of issue 13, what this run measured, its target and whether the
 * measure meets it.
 *
 * @param point the point the figure belongs to
 * @param met whether the target is met; null when the figure has no target or was not measured
 */
record Figure(String point, String figure, String measured, String target, Boolean met) {

    /** How a measure and its limit are written: times with one decimal, milliseconds with none, a ratio with two. */
    enum Unit {
        MINUTES(1, " min"),
        SECONDS(1, " s"),
        MILLISECONDS(0, " ms"),
        TIMES(2, "×");

        private final int decimals;
        private final String suffix;

        Unit(int decimals, String suffix) {
            this.decimals = decimals;
            this.suffix = suffix;
        }

        String measure(double value) {
            return String.format("%." + decimals + "f%s", value, suffix);
        }

        /** A limit as written in the issue: 1.2×, 2 s. */
        String limit(double value) {
            return "≤ " + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + suffix;
        }
    }

    /** A figure whose target is an upper limit; met when the value is at most the limit (unrounded). */
    static Figure atMost(String point, String figure, double value, double limit, Unit unit) {
        return new Figure(point, figure, unit.measure(value), unit.limit(limit), value <= limit);
    }

    /** A figure the issue asks to be stated, with no target to meet. */
    static Figure stated(String point, String figure, String measured) {
        return new Figure(point, figure, measured, "(stated)", null);
    }

    /** A figure this run could not measure, and why. */
    static Figure notMeasured(String point, String figure, String why, String target) {
        return new Figure(point, figure, why, target, null);
    }

    /** The same figure with what it was made of after the measure: {@code 1.84× (11.9 s ÷ 6.5 s)}. */
    Figure with(String detail) {
        return new Figure(point, figure, measured + " (" + detail + ")", target, met);
    }

    String verdict() {
        return met == null ? "" : met ? "MET" : "MISSED";
    }

    static void print(List<Figure> figures, PrintStream out) {
        TextTable table = new TextTable(List.of("point", "figure", "measured", "target", ""));
        for (Figure f : figures) {
            table.add(List.of(f.point(), f.figure(), f.measured(), f.target(), f.verdict()));
        }
        table.print(out);
    }
}
