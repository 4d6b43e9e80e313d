package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    private static final String DATE_FORMS = "可用的写法：2018-06-01、2018/6/1、2018.6.1、2018年6月1日、20180601。";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2018-06-01",
                "2018-6-1",
                "2018/6/1",
                "2018/06/01",
                "2018.6.1",
                "2018年6月1日",
                "2018年06月01日",
                "2018 年 6 月 1 日",
                "2018年6月1号",
                "2018年6月1",
                "2018年6月1日 10:00",
                "20180601",
                "2018-6-1 00:00:00",
                "2018-06-01 13:45",
                "2018-06-01T08:30:00",
                "2018/6/1 0:00",
                "43252",
                "43252.5",
                "２０１８－０６－０１",
                "２０１８年６月１日",
                " 2018-06-01\u3000",
            })
    void everyDateForm(String raw) {
        // given / when
        Cleaned<LocalDate> cleaned = Dates.parseDate(raw);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(LocalDate.of(2018, 6, 1)));
    }

    @ParameterizedTest
    @CsvSource({
        "10000, 1927-05-18",
        "36526, 2000-01-01",
        "43159, 2018-02-28",
        "43160, 2018-03-01",
        "73415, 2100-12-31",
    })
    void excelSerials(String raw, LocalDate expected) {
        // given / when / then
        assertThat(Dates.parseDate(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-02-30", "2018-13-01", "2019年2月29日", "20180631", "2018/0/1"})
    void nonexistentDates(String raw) {
        // given / when
        Cleaned<LocalDate> cleaned = Dates.parseDate(raw);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("日期“" + raw + "”不存在，请对照原始凭证核对后重新填写。" + DATE_FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"待定", "2018", "2018-06", "6/1/2018", "2018-06/01", "1234", "abc"})
    void unrecognisedDates(String raw) {
        // given / when
        Cleaned<LocalDate> cleaned = Dates.parseDate(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("日期“" + raw + "”无法识别，请填写实际日期。" + DATE_FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "2101-01-01", "0218-06-01", "99999"})
    void implausibleYears(String raw) {
        // given / when
        Cleaned<LocalDate> cleaned = Dates.parseDate(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("日期“" + raw + "”的年份不合理（应在1900年到2100年之间），请对照原始凭证核对后重新填写。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void blankDate(String raw) {
        // given / when / then
        assertThat(Dates.parseDate(raw).isBlank()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2018年6月",
                "2018年06月",
                "2018年6月份",
                "2018.06",
                "2018.6",
                "2018-06",
                "2018/6",
                "201806",
                "２０１８年６月",
                "2018-06-15",
                "2018年6月30日",
                "2018-6-1 00:00:00",
                "43266",
            })
    void everyMonthForm(String raw) {
        // given / when
        Cleaned<YearMonth> cleaned = Dates.parseMonth(raw);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(YearMonth.of(2018, 6)));
    }

    @Test
    void monthThirteenDoesNotExist() {
        // given
        String raw = "2018-13";

        // when
        Cleaned<YearMonth> cleaned = Dates.parseMonth(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message())
                .isEqualTo("月份“2018-13”不存在，请核对后重新填写。可用的写法：2018年6月、2018-06、2018.06、2018/6、201806，或完整日期。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018年", "六月", "2018-02-30", "待定"})
    void unrecognisedMonths(String raw) {
        // given / when
        Cleaned<YearMonth> cleaned = Dates.parseMonth(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message())
                .isEqualTo("月份“" + raw + "”无法识别，请填写年和月。可用的写法：2018年6月、2018-06、2018.06、2018/6、201806，或完整日期。");
    }

    @Test
    void blankMonth() {
        // given / when / then
        assertThat(Dates.parseMonth("\u3000").isBlank()).isTrue();
    }

    private static final String AS_OF_FORMS = "可用的写法：2018-06-30、2018/6/30、2018年6月30日、20180630，"
            + "或只写月份（按该月最后一天计）：2018年6月、2018年6月底、2018-06、2018.06、201806。";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2018年12月",
                "2018年12月份",
                "2018年12月底",
                "2018年12月末",
                "2018 年 12 月 底",
                "2018.12",
                "2018-12",
                "2018/12",
                "201812",
                "２０１８．１２",
                "2018-12-31",
                "2018年12月31日",
                "20181231",
                "2018/12/31 00:00:00",
                "43465",
            })
    void aLedgerDateGivenAsAMonthIsItsLastDay(String raw) {
        // given a ledger date written as a month, or as the day itself

        // when
        Cleaned<LocalDate> cleaned = Dates.parseAsOfDate(raw, null);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(LocalDate.of(2018, 12, 31)));
    }

    @ParameterizedTest
    @CsvSource({
        "2018.2, 2018-02-28",
        "2020年2月底, 2020-02-29",
        "2018年6月末, 2018-06-30",
        "201809, 2018-09-30",
        "2018-06-15, 2018-06-15",
    })
    void aMonthEndsOnItsOwnLastDayAndADayStaysThatDay(String raw, LocalDate expected) {
        // given / when / then
        assertThat(Dates.parseAsOfDate(raw, null)).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12月", "12月底", "12月末", "12月份", "１２月底"})
    void aMonthWithoutItsYearTakesTheTitlesYear(String raw) {
        // given a title naming 2018

        // when
        Cleaned<LocalDate> cleaned = Dates.parseAsOfDate(raw, 2018);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(LocalDate.of(2018, 12, 31)));
    }

    @Test
    void aMonthWithoutAnyYearAsksForTheYear() {
        // given a title that names no year

        // when
        Cleaned<LocalDate> cleaned = Dates.parseAsOfDate("12月底", null);

        // then
        assertThat(cleaned)
                .isEqualTo(Cleaned.reject(
                        Reason.DATE_INVALID, "日期“12月底”没有写年份，表格标题中也没有年份。请写明年份，例如 2018年12月底 或 2018-12-31。"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2018-13|月份“2018-13”不存在，请核对后重新填写。",
                "201800|月份“201800”不存在，请核对后重新填写。",
                "13月底|月份“13月底”不存在，请核对后重新填写。",
                "待定|日期“待定”无法识别，请填写实际日期或月份。",
                "2018年|日期“2018年”无法识别，请填写实际日期或月份。",
                "12月31日|日期“12月31日”无法识别，请填写实际日期或月份。",
            })
    void aLedgerDateThatIsNeitherADayNorAMonthIsInvalid(String raw, String message) {
        // given / when
        Cleaned<LocalDate> cleaned = Dates.parseAsOfDate(raw, 2018);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.reject(Reason.DATE_INVALID, message + AS_OF_FORMS));
    }

    @Test
    void aLedgerDateKeepsTheDayChecks() {
        // given / when / then: a day that does not exist, a year out of range
        assertThat(Dates.parseAsOfDate("2018-02-30", null))
                .isEqualTo(Cleaned.reject(Reason.DATE_INVALID, "日期“2018-02-30”不存在，请对照原始凭证核对后重新填写。" + DATE_FORMS));
        assertThat(Dates.parseAsOfDate("2101年1月", null))
                .isEqualTo(Cleaned.reject(Reason.DATE_INVALID, "日期“2101年1月”的年份不合理（应在1900年到2100年之间），请对照原始凭证核对后重新填写。"));
        assertThat(Dates.parseAsOfDate("\u3000", 2018).isBlank()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018年12月", "2018.12", "2018-12", "201812", "2018年12月末", "12月底"})
    void aMonthWhereADayIsNeededStaysInvalid(String raw) {
        // given a date of a day (admitted, paid on, issued) written as a month

        // when
        Cleaned<LocalDate> cleaned = Dates.parseDate(raw);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.reject(Reason.DATE_INVALID, "日期“" + raw + "”无法识别，请填写实际日期。" + DATE_FORMS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018", "2018年", "2018年度", "2018.0", "２０１８", " 2018 "})
    void yearForms(String raw) {
        // given / when / then
        assertThat(Dates.parseYear(raw)).isEqualTo(Cleaned.ok(2018));
    }

    @Test
    void yearBounds() {
        // given / when / then
        assertThat(Dates.parseYear("1949").value()).isEqualTo(1949);
        assertThat(Dates.parseYear("2100").value()).isEqualTo(2100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1948", "2101", "18", "2018.5", "二〇一八", "2018-06", "待定"})
    void invalidYears(String raw) {
        // given / when
        Cleaned<Integer> cleaned = Dates.parseYear(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("年份“" + raw + "”无法识别，请填写四位数的年份，例如 2018 或 2018年。");
    }

    @Test
    void blankYear() {
        // given / when / then
        assertThat(Dates.parseYear("").isBlank()).isTrue();
    }
}
