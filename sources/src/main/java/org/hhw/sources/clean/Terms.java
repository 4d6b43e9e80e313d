package org.hhw.sources.clean;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * School terms, normalised to {@code yyyy-spring} (February to July) or {@code yyyy-autumn}
 * (August to January, named by the year it starts), the same mapping as {@code dim_date.term}:
 * <ul>
 *   <li>"2018年春季", "2018春", "2018年上半年" → 2018-spring; "2018年秋季", "2018秋", "2018年下半年" → 2018-autumn;</li>
 *   <li>"2018-2019学年第一学期" (上学期, 第1学期) → 2018-autumn; 第二学期 (下学期) → 2019-spring;</li>
 *   <li>a date or a month ("2018-09-01", "2018年9月") → the term it falls in.</li>
 * </ul>
 */
public final class Terms {

    private static final Pattern SEASON = Pattern.compile("(\\d{4})年?(春|秋|春季|秋季|上半年|下半年)(学期)?");
    private static final Pattern SCHOOL_YEAR =
            Pattern.compile("(\\d{4})[-－—~～至到](\\d{4})学年(?:度)?(?:第?([一二12])学期|([上下])学期)");
    private static final String FORMS = "可用的写法：2018年春季、2018秋、2018-2019学年第一学期、2018-2019学年第二学期。";

    private Terms() {}

    public static Cleaned<String> parseTerm(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        Matcher m = SEASON.matcher(text);
        if (m.matches()) {
            String season = m.group(2);
            boolean spring = season.startsWith("春") || season.equals("上半年");
            return Cleaned.ok(m.group(1) + (spring ? "-spring" : "-autumn"));
        }
        m = SCHOOL_YEAR.matcher(text);
        if (m.matches()) {
            int start = Integer.parseInt(m.group(1));
            if (Integer.parseInt(m.group(2)) != start + 1) {
                return Cleaned.reject(Reason.DATE_INVALID, "学期“" + Text.normalize(raw) + "”的学年不对（前后应相差一年）。" + FORMS);
            }
            String which = m.group(3) != null ? m.group(3) : m.group(4);
            boolean first = which.equals("一") || which.equals("1") || which.equals("上");
            return Cleaned.ok(first ? start + "-autumn" : (start + 1) + "-spring");
        }
        Cleaned<LocalDate> date = Dates.parseDate(raw);
        if (date.value() != null) {
            return Cleaned.ok(of(date.value()));
        }
        Cleaned<java.time.YearMonth> month = Dates.parseMonth(raw);
        if (month.value() != null) {
            return Cleaned.ok(of(month.value().atDay(1)));
        }
        return Cleaned.reject(Reason.DATE_INVALID, "学期“" + Text.normalize(raw) + "”无法识别。" + FORMS);
    }

    /** The term a day falls in. */
    public static String of(LocalDate day) {
        int m = day.getMonthValue();
        if (m >= 2 && m <= 7) {
            return day.getYear() + "-spring";
        }
        return (m == 1 ? day.getYear() - 1 : day.getYear()) + "-autumn";
    }
}
