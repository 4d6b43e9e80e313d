package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hhw.warehouse.report.blocks.BlockCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The medical report models over the small county of {@link BlockCounty}: nine stays from December 2018 to June
 * 2019, four persons over a self-pay cap, two households on the warning list. Expected values by hand.
 */
class MedicalReportTest {

    private static final String COLUMNS = """
            township, year_month, stays, total_cost, reimbursed, self_paid, reimbursed_pct, stays_ytd, total_cost_ytd,
            reimbursed_ytd, self_paid_ytd, reimbursed_ytd_pct, persons_over_cap, persons_over_cap_ytd,
            high_burden_households""";

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() {
        loads = BlockCounty.load(dir);
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void theCountyHasEveryMonthOfAdmissionWithItsYearToDate() {
        // when
        List<List<Object>> county =
                loads.rows("select " + COLUMNS + " from rpt_medical_month where unit = 'county' order by year_month");

        // then: january has no stay but is a month of the span; the year to date starts again in 2019; reimbursed is
        // the sum of the parts (JS-2: 6000 + 800 + 400); 刘福 goes over the province cap in march, 李秀英 over the
        // county's in april, 王桂兰 over the province's in may, 赵六 over the county's with his second stay in june
        // (600 + 500); the warning list is judged in june, the month of the latest admission, only
        assertThat(county)
                .containsExactly(
                        row(
                                "全县",
                                "2018-12",
                                1,
                                yuan("2000"),
                                yuan("1500"),
                                yuan("500"),
                                pct("75"),
                                1,
                                yuan("2000"),
                                yuan("1500"),
                                yuan("500"),
                                pct("75"),
                                0,
                                0,
                                null),
                        row(
                                "全县", "2019-01", 0, yuan("0"), yuan("0"), yuan("0"), null, 0, yuan("0"), yuan("0"),
                                yuan("0"), null, 0, 0, null),
                        row(
                                "全县",
                                "2019-02",
                                1,
                                yuan("8000"),
                                yuan("7200"),
                                yuan("800"),
                                pct("90"),
                                1,
                                yuan("8000"),
                                yuan("7200"),
                                yuan("800"),
                                pct("90"),
                                0,
                                0,
                                null),
                        row(
                                "全县",
                                "2019-03",
                                1,
                                yuan("30000"),
                                yuan("23000"),
                                yuan("7000"),
                                pct("76.67"),
                                2,
                                yuan("38000"),
                                yuan("30200"),
                                yuan("7800"),
                                pct("79.47"),
                                1,
                                1,
                                null),
                        row(
                                "全县",
                                "2019-04",
                                3,
                                yuan("14200"),
                                yuan("11000"),
                                yuan("3200"),
                                pct("77.46"),
                                5,
                                yuan("52200"),
                                yuan("41200"),
                                yuan("11000"),
                                pct("78.93"),
                                1,
                                2,
                                null),
                        row(
                                "全县",
                                "2019-05",
                                2,
                                yuan("41500"),
                                yuan("28900"),
                                yuan("12600"),
                                pct("69.64"),
                                7,
                                yuan("93700"),
                                yuan("70100"),
                                yuan("23600"),
                                pct("74.81"),
                                1,
                                3,
                                null),
                        row(
                                "全县",
                                "2019-06",
                                1,
                                yuan("2500"),
                                yuan("2000"),
                                yuan("500"),
                                pct("80"),
                                8,
                                yuan("96200"),
                                yuan("72100"),
                                yuan("24100"),
                                pct("74.95"),
                                1,
                                4,
                                2));
    }

    @Test
    void eachStayCountsInItsHouseholdsTownshipAndAStrangerInNone() {
        // when
        List<List<Object>> townships = loads.rows("select " + COLUMNS + """
                 from rpt_medical_month
                where unit = 'township' and year_month in ('2019-04', '2019-06')
                  and township in ('玉泉镇', '米薪关镇', '未归属乡镇')
                order by year_month, township_key""");

        // then: 孙强 is not in the registry; 赵六 crossed in 玉泉镇 in june, where 王桂兰's household is on the list
        // as 刘福's is in 米薪关镇
        assertThat(townships)
                .containsExactly(
                        row(
                                "未归属乡镇",
                                "2019-04",
                                1,
                                yuan("3000"),
                                yuan("2500"),
                                yuan("500"),
                                pct("83.33"),
                                1,
                                yuan("3000"),
                                yuan("2500"),
                                yuan("500"),
                                pct("83.33"),
                                0,
                                0,
                                null),
                        row(
                                "玉泉镇",
                                "2019-04",
                                1,
                                yuan("6200"),
                                yuan("5000"),
                                yuan("1200"),
                                pct("80.65"),
                                2,
                                yuan("14200"),
                                yuan("12200"),
                                yuan("2000"),
                                pct("85.92"),
                                1,
                                1,
                                null),
                        row(
                                "米薪关镇",
                                "2019-04",
                                1,
                                yuan("5000"),
                                yuan("3500"),
                                yuan("1500"),
                                pct("70"),
                                2,
                                yuan("35000"),
                                yuan("26500"),
                                yuan("8500"),
                                pct("75.71"),
                                0,
                                1,
                                null),
                        row(
                                "未归属乡镇",
                                "2019-06",
                                0,
                                yuan("0"),
                                yuan("0"),
                                yuan("0"),
                                null,
                                1,
                                yuan("3000"),
                                yuan("2500"),
                                yuan("500"),
                                pct("83.33"),
                                0,
                                0,
                                0),
                        row(
                                "玉泉镇",
                                "2019-06",
                                1,
                                yuan("2500"),
                                yuan("2000"),
                                yuan("500"),
                                pct("80"),
                                5,
                                yuan("58200"),
                                yuan("43100"),
                                yuan("15100"),
                                pct("74.05"),
                                1,
                                3,
                                1),
                        row(
                                "米薪关镇",
                                "2019-06",
                                0,
                                yuan("0"),
                                yuan("0"),
                                yuan("0"),
                                null,
                                2,
                                yuan("35000"),
                                yuan("26500"),
                                yuan("8500"),
                                pct("75.71"),
                                0,
                                1,
                                1));
    }

    @Test
    void theCountyIsTheSumOfItsTownshipsEveryMonth() {
        // when: the months where a county figure differs from its townships' sum, and the townships a month
        List<List<Object>> differing = loads.rows("""
                with t as (
                    select year_month, count(*) as units, sum(stays) as stays, sum(total_cost) as total_cost,
                           sum(reimbursed_ytd) as reimbursed_ytd, sum(self_paid_ytd) as self_paid_ytd,
                           sum(persons_over_cap_ytd) as over_cap_ytd, sum(high_burden_households) as burden
                    from rpt_medical_month where unit = 'township' group by year_month
                )
                select t.year_month, t.units
                from rpt_medical_month c join t using (year_month)
                where c.unit = 'county' and (c.stays <> t.stays or c.total_cost <> t.total_cost
                    or c.reimbursed_ytd <> t.reimbursed_ytd or c.self_paid_ytd <> t.self_paid_ytd
                    or c.persons_over_cap_ytd <> t.over_cap_ytd
                    or c.high_burden_households is distinct from t.burden or t.units <> 12)""");

        // then
        assertThat(differing).isEmpty();
    }

    @Test
    void theWarningListHasTheHouseholdsAndTheirFiguresAndNoPerson() {
        // when
        List<List<Object>> list = loads.rows("""
                select year_month, township, village, household_id, members, window_start, window_end, stays,
                       total_cost, self_paid, warning_line, dibao_standard, dibao_line, over_warning_line,
                       over_dibao_line
                from rpt_medical_warning order by township_key""");
        List<List<Object>> columns = loads.rows("""
                select column_name from information_schema.columns
                where table_name = 'rpt_medical_warning' order by ordinal_position""");

        // then: 王桂兰's household is over both lines, 刘福's (7000 + 1500 by 2 persons) over 2 × 3906 only; the
        // window is the 12 months to 赵六's admission on 10 june
        LocalDate from = LocalDate.of(2018, 6, 11);
        LocalDate to = LocalDate.of(2019, 6, 10);
        assertThat(list)
                .containsExactly(
                        row(
                                "2019-06",
                                "玉泉镇",
                                "鲍家屯",
                                "3101000002",
                                2,
                                from,
                                to,
                                1,
                                yuan("40000"),
                                yuan("12000"),
                                yuan("10000"),
                                yuan("3906"),
                                yuan("7812"),
                                true,
                                true),
                        row(
                                "2019-06",
                                "米薪关镇",
                                "孤峰山",
                                "3103000001",
                                2,
                                from,
                                to,
                                2,
                                yuan("35000"),
                                yuan("8500"),
                                yuan("10000"),
                                yuan("3906"),
                                yuan("7812"),
                                false,
                                true));
        assertThat(columns.stream().map(r -> (String) r.get(0)))
                .containsExactly(
                        "year_month",
                        "year",
                        "month",
                        "township_key",
                        "township",
                        "village",
                        "household_id",
                        "members",
                        "window_start",
                        "window_end",
                        "stays",
                        "total_cost",
                        "self_paid",
                        "warning_line",
                        "dibao_standard",
                        "dibao_line",
                        "over_warning_line",
                        "over_dibao_line");
    }

    @Test
    void theModelsPassTheirDataTests() {
        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value).setScale(2);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
