package org.hhw.sources.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

    /**
     * Chinese Excel and WPS built-in formats that show a year and a month only (年月: 27, 36, 50, 52,
     * 57 in ECMA-376's zh-cn list); the others of 27-36 and 50-58 show a day or a time.
     */
    private static final Set<Integer> CHINESE_BUILT_IN_MONTHS = Set.of(27, 36, 50, 52, 57);

    /** How a number format shows a number: as itself, a date, or a month only. */
    private enum Shown {
        NUMBER,
        DATE,
        MONTH
    }

    private final boolean date1904;
    private final Map<Integer, Shown> formats = new HashMap<>();

    CellText(boolean date1904) {
        this.date1904 = date1904;
    }

    /**
     * A numeric cell's text: an ISO date if its format is a date format, an ISO month ("2018-12") if
     * the format shows a year and month only, else {@link #number}. A clerk who types 2018年12月 gets
     * a date cell holding the 1st of the month, shown as a month: read as the 1st, a ledger dated by
     * that month would stand on the wrong day, so the month is passed on as the clerk sees it.
     */
    String numeric(BigDecimal value, Integer formatId, String formatString) {
        Shown shown =
                formatId == null ? Shown.NUMBER : formats.computeIfAbsent(formatId, id -> shown(id, formatString));
        if (shown != Shown.NUMBER) {
            double serial = value.doubleValue();
            if (DateUtil.isValidExcelDate(serial)) {
                LocalDateTime day = DateUtil.getLocalDateTime(serial, date1904, true);
                return shown == Shown.MONTH ? YearMonth.from(day).toString() : date(day);
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

    private static Shown shown(int formatId, String formatString) {
        if (isChineseBuiltInDate(formatId, formatString)) {
            return CHINESE_BUILT_IN_MONTHS.contains(formatId) ? Shown.MONTH : Shown.DATE;
        }
        if (!DateUtil.isADateFormat(formatId, formatString)) {
            return Shown.NUMBER;
        }
        return showsMonthOnly(formatString) ? Shown.MONTH : Shown.DATE;
    }

    /**
     * Whether a date pattern shows a year and a month and nothing finer ("yyyy\"年\"m\"月\"", "yyyy-mm",
     * "mmm-yy"): its tokens, without quoted literals, escaped characters and [bracketed] parts (locale,
     * colour), name no day, hour or second.
     */
    static boolean showsMonthOnly(String formatString) {
        String tokens =
                formatString.replaceAll("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").toLowerCase();
        return tokens.indexOf('y') >= 0
                && tokens.indexOf('m') >= 0
                && tokens.indexOf('d') < 0
                && tokens.indexOf('h') < 0
                && tokens.indexOf('s') < 0;
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
