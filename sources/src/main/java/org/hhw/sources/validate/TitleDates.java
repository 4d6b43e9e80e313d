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

    private TitleDates() {
    }

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
}
