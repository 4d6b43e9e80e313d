package org.hhw.warehouse.report.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.hhw.warehouse.report.Measure;

/**
 * How the PDF and the web pages write a value of each {@link Measure}: counts {@code 1,234}, money
 * {@code 1,234.56}, percentages {@code 3.25%}, and "no figure" as — (never as 0).
 */
final class Formats {

    /** What a form shows where the warehouse has no figure. */
    static final String NONE = "—";

    private Formats() {}

    static String format(Object value, Measure measure) {
        if (value == null) {
            return NONE;
        }
        if (measure == Measure.TEXT || !(value instanceof Number number)) {
            return value.toString();
        }
        BigDecimal decimal = decimal(number);
        return switch (measure) {
            case COUNT -> pattern("#,##0").format(decimal);
            case YUAN, WAN_YUAN -> pattern("#,##0.00").format(decimal);
            case PERCENT -> pattern("#,##0.00").format(decimal) + "%";
            case TEXT -> throw new AssertionError("text is written as it is");
        };
    }

    /**
     * The month's figure against the month before, signed ({@code +2}, {@code -14.35}); a change of a
     * percentage in 个百分点, as county bulletins write it. — when either month has no figure.
     */
    static String change(Object month, Object previousMonth, Measure measure) {
        if (!(month instanceof Number now) || !(previousMonth instanceof Number before) || measure == Measure.TEXT) {
            return NONE;
        }
        BigDecimal difference = decimal(now).subtract(decimal(before));
        String digits = measure == Measure.COUNT ? "#,##0" : "#,##0.00";
        String text = difference.signum() == 0
                ? pattern(digits).format(difference)
                : pattern("+" + digits + ";-" + digits).format(difference);
        return measure == Measure.PERCENT ? text + "个百分点" : text;
    }

    /** A value as a number a chart can plot, or null where there is none. */
    static Double plotted(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal b ? b : new BigDecimal(number.toString());
    }

    /** A fresh format each time: DecimalFormat is not thread-safe, and reports may be written side by side. */
    private static DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
