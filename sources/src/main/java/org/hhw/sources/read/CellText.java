package org.hhw.sources.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The cell conventions of {@link RawRow} for numeric cells, shared by the xlsx and xls readers.
 * One instance per workbook: it knows the workbook's date system and caches which number
 * formats are dates.
 */
final class CellText {

    /** Excel keeps and shows 15 significant digits; anything beyond is binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final BigDecimal SCIENTIFIC_FROM = new BigDecimal("1E15");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean date1904;
    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    CellText(boolean date1904) {
        this.date1904 = date1904;
    }

    /** A numeric cell's text: an ISO date if its format is a date format, else {@link #number}. */
    String numeric(BigDecimal value, Integer formatId, String formatString) {
        if (formatId != null && isDateFormat(formatId, formatString)) {
            double serial = value.doubleValue();
            if (DateUtil.isValidExcelDate(serial)) {
                return date(DateUtil.getLocalDateTime(serial, date1904, true));
            }
        }
        return number(value);
    }

    /**
     * Plain decimal form without trailing zeros ("3", "1200.5"), rounded to Excel's 15
     * significant digits so that formula results such as 0.30000000000000004 read as Excel shows
     * them. From 1e15 on, scientific form ("1.40222199001011E17"): such a number is almost always
     * an ID typed into a numeric cell, and its trailing digits are already lost, so it must not
     * look like a complete one.
     */
    static String number(BigDecimal value) {
        BigDecimal rounded = value.round(EXCEL_DIGITS).stripTrailingZeros();
        if (value.abs().compareTo(SCIENTIFIC_FROM) < 0) {
            return rounded.toPlainString();
        }
        // Double.toString would do, but the JDK 17 one prints 1.40222199001011008E17 for this value.
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String fraction = digits.length() == 1 ? "0" : digits.substring(1);
        return (rounded.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + fraction + "E" + exponent;
    }

    static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    static String date(LocalDateTime value) {
        return value.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? value.toLocalDate().toString()
                : value.format(DATE_TIME);
    }

    private boolean isDateFormat(int formatId, String formatString) {
        return dateFormats.computeIfAbsent(formatId, id -> isChineseBuiltInDate(id, formatString)
                || DateUtil.isADateFormat(id, formatString));
    }

    /**
     * Chinese Excel and WPS use the built-in formats 27-36 and 50-58 (年月日, 时分) without writing
     * their pattern into the file; POI only knows them as "reserved".
     */
    private static boolean isChineseBuiltInDate(int formatId, String formatString) {
        boolean chineseId = formatId >= 27 && formatId <= 36 || formatId >= 50 && formatId <= 58;
        return chineseId && (formatString == null || formatString.startsWith("reserved"));
    }
}
