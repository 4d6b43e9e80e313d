package org.hhw.sources.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hhw.sources.clean.Text;

/**
 * The "as of" date a sheet's title states, for ledgers that carry it only there:
 * "扶贫小额信贷台账（截至2018年6月30日）", "统计日期：2018-06-30", "截止2018年6月底". Only a date
 * introduced by 截至 / 截止 / 统计日期 / 数据日期 counts: a 填报日期 is when the form was filled in,
 * not the date of its figures.
 */
final class TitleDates {

    private static final Pattern AS_OF = Pattern.compile(
            "(?:截至|截止|统计日期|数据日期|统计时间)[:：]?(\\d{4})(?:年|[-./])(\\d{1,2})(?:月|[-./])?(?:(\\d{1,2})[日号]?|(底|末))?");

    /** A year the title names: "天镇县2018年扶贫小额信贷台账", "2018年12月扶贫小额信贷台账". */
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    /** Where a line goes on to say when the form was filled in or sent: no year from there on is the ledger's. */
    private static final Pattern FILLED_IN = Pattern.compile("填报|填表|报送|制表|打印");

    private TitleDates() {}

    static Optional<LocalDate> find(List<String> preamble) {
        for (String line : preamble) {
            Matcher m = AS_OF.matcher(Text.compact(line));
            if (m.find()) {
                try {
                    int year = Integer.parseInt(m.group(1));
                    int month = Integer.parseInt(m.group(2));
                    if (m.group(3) != null) {
                        return Optional.of(LocalDate.of(year, month, Integer.parseInt(m.group(3))));
                    }
                    return Optional.of(YearMonth.of(year, month).atEndOfMonth());
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The year a sheet's title names, for a ledger date written without one ("12月底"): the year of
     * the title's as-of date, else the first year of the preamble that is not when the form was
     * filled in ("填报日期：2019年1月" names when a December ledger was sent, not its year).
     */
    static Optional<Integer> year(List<String> preamble) {
        Optional<LocalDate> asOf = find(preamble);
        if (asOf.isPresent()) {
            return asOf.map(LocalDate::getYear);
        }
        for (String line : preamble) {
            String text = Text.compact(line);
            Matcher filled = FILLED_IN.matcher(text);
            Matcher m = YEAR.matcher(filled.find() ? text.substring(0, filled.start()) : text);
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }
}
