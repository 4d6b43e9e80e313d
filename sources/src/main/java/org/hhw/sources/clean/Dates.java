package org.hhw.sources.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates, months and years in the many ways clerks write them. */
public final class Dates {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int EARLIEST_YEAR_NUMBER = 1949;

    private static final Pattern TIME_SUFFIX = Pattern.compile("(.+?)[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?");
    private static final Pattern DIGITS8 = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /**
     * An Excel serial day number left in a text cell, optionally with a time fraction. Only five
     * digits (1927-05-18 onwards) are taken as serials: a shorter number is far more likely a year
     * or a count typed into the wrong column. That range also keeps clear of Excel's fictitious
     * 1900-02-29 (serial 60), so the usual 1899-12-30 epoch is exact.
     */
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Pattern MONTH_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern MONTH_CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月?份?");
    private static final Pattern DIGITS6 = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\.0+)?(?:年度?)?");
    /** A month without its year, as a ledger under a title naming the year writes it: "12月", "12月底". */
    private static final Pattern MONTH_ONLY = Pattern.compile("(\\d{1,2})月份?");

    private static final String DATE_FORMS = "可用的写法：2018-06-01、2018/6/1、2018.6.1、2018年6月1日、20180601。";
    private static final String MONTH_FORMS = "可用的写法：2018年6月、2018-06、2018.06、2018/6、201806，或完整日期。";
    private static final String AS_OF_FORMS = "可用的写法：2018-06-30、2018/6/30、2018年6月30日、20180630，"
            + "或只写月份（按该月最后一天计）：2018年6月、2018年6月底、2018-06、2018.06、201806。";

    private Dates() {}

    /**
     * A calendar date: "2018-06-01", "2018/6/1", "2018.6.1", "2018年6月1日", "20180601", a
     * trailing time ("2018-6-1 00:00:00", ignored), or an Excel serial number ("43252").
     * Dates outside 1900..2100 are rejected as typos.
     */
    public static Cleaned<LocalDate> parseDate(String raw) {
        Cleaned<LocalDate> date = dayForms(raw);
        return date != null
                ? date
                : Cleaned.reject(Reason.DATE_INVALID, "日期“" + Text.normalize(raw) + "”无法识别，请填写实际日期。" + DATE_FORMS);
    }

    /** A month, for periods: "2018年6月", "2018-06", "2018.06", "2018/6", "201806", or any full date. */
    public static Cleaned<YearMonth> parseMonth(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        String shown = Text.normalize(raw);
        Matcher m = monthForm(text);
        if (m != null) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12 || year < EARLIEST.getYear() || year > LATEST.getYear()) {
                return Cleaned.reject(Reason.DATE_INVALID, "月份“" + shown + "”不存在，请核对后重新填写。" + MONTH_FORMS);
            }
            return Cleaned.ok(YearMonth.of(year, month));
        }
        Cleaned<LocalDate> date = parseDate(raw);
        if (date.value() != null) {
            return Cleaned.ok(YearMonth.from(date.value()));
        }
        return Cleaned.reject(Reason.DATE_INVALID, "月份“" + shown + "”无法识别，请填写年和月。" + MONTH_FORMS);
    }

    /**
     * The date a ledger stands on: any form of {@link #parseDate}, or a month meaning its last day
     * ("2018年12月", "2018年12月底", "2018年12月末", "2018-12", "2018.12", "201812" all give
     * 2018-12-31). A month without its year ("12月底") takes {@code titleYear}, the year the sheet's
     * title names; without one it is rejected, as a guessed year would file the ledger a year off.
     *
     * @param titleYear the year of the sheet's title, or null
     */
    public static Cleaned<LocalDate> parseAsOfDate(String raw, Integer titleYear) {
        Cleaned<LocalDate> date = dayForms(raw);
        if (date != null) {
            return date;
        }
        String text = Text.compact(raw);
        // 底 and 末 only say what a month already means here: its last day
        if (text.endsWith("底") || text.endsWith("末")) {
            text = text.substring(0, text.length() - 1);
        }
        String shown = Text.normalize(raw);
        Matcher m = monthForm(text);
        if (m != null) {
            return monthEnd(shown, Integer.parseInt(m.group(1)), m.group(2));
        }
        if ((m = MONTH_ONLY.matcher(text)).matches()) {
            if (titleYear == null) {
                return Cleaned.reject(
                        Reason.DATE_INVALID, "日期“" + shown + "”没有写年份，表格标题中也没有年份。请写明年份，例如 2018年12月底 或 2018-12-31。");
            }
            return monthEnd(shown, titleYear, m.group(1));
        }
        return Cleaned.reject(Reason.DATE_INVALID, "日期“" + shown + "”无法识别，请填写实际日期或月份。" + AS_OF_FORMS);
    }

    /** A year from 1949 to 2100: "2018", "2018年", "2018年度", or "2018.0" from a numeric cell. */
    public static Cleaned<Integer> parseYear(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        Matcher m = YEAR.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (year >= EARLIEST_YEAR_NUMBER && year <= LATEST.getYear()) {
                return Cleaned.ok(year);
            }
        }
        return Cleaned.reject(Reason.DATE_INVALID, "年份“" + Text.normalize(raw) + "”无法识别，请填写四位数的年份，例如 2018 或 2018年。");
    }

    /** A year and a month ("2018年6月", "2018-06", "2018.06", "2018/6", "201806"): groups 1 and 2, or null. */
    private static Matcher monthForm(String text) {
        Matcher m;
        if ((m = MONTH_SEPARATED.matcher(text)).matches()
                || (m = MONTH_CHINESE.matcher(text)).matches()
                || (m = DIGITS6.matcher(text)).matches()) {
            return m;
        }
        return null;
    }

    /** A day in one of the forms of {@link #parseDate}, blank, or null when no form matches. */
    private static Cleaned<LocalDate> dayForms(String raw) {
        String normalized = Text.normalize(raw);
        if (normalized.isEmpty()) {
            return Cleaned.blank();
        }
        Matcher time = TIME_SUFFIX.matcher(normalized);
        String text = Text.compact(time.matches() ? time.group(1) : normalized);
        Matcher m;
        if ((m = SEPARATED.matcher(text)).matches()) {
            return date(normalized, m.group(1), m.group(3), m.group(4));
        }
        if ((m = CHINESE.matcher(text)).matches() || (m = DIGITS8.matcher(text)).matches()) {
            return date(normalized, m.group(1), m.group(2), m.group(3));
        }
        if ((m = SERIAL.matcher(text)).matches()) {
            return inRange(normalized, EXCEL_EPOCH.plusDays(Integer.parseInt(m.group(1))));
        }
        return null;
    }

    private static Cleaned<LocalDate> monthEnd(String shown, int year, String month) {
        int m = Integer.parseInt(month);
        if (m < 1 || m > 12) {
            return Cleaned.reject(Reason.DATE_INVALID, "月份“" + shown + "”不存在，请核对后重新填写。" + AS_OF_FORMS);
        }
        return inRange(shown, YearMonth.of(year, m).atEndOfMonth());
    }

    private static Cleaned<LocalDate> date(String shown, String year, String month, String day) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return Cleaned.reject(Reason.DATE_INVALID, "日期“" + shown + "”不存在，请对照原始凭证核对后重新填写。" + DATE_FORMS);
        }
        return inRange(shown, date);
    }

    private static Cleaned<LocalDate> inRange(String shown, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            return Cleaned.reject(Reason.DATE_INVALID, "日期“" + shown + "”的年份不合理（应在1900年到2100年之间），请对照原始凭证核对后重新填写。");
        }
        return Cleaned.ok(date);
    }
}
