package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryFiles.ZHAO_LIU;
import static org.hhw.warehouse.RegistryLoads.row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly microloan report over a small county: 玉泉镇 (张建国, 王桂兰, 赵六) and 米薪关镇 (刘福, 陈兰), a borrower
 * the registry does not know, and two banks sending ledgers on their own dates: the commercial bank at the end of
 * January and of April 2019 (刘福's loan gone from April's: repaid), the postal bank at the end of February (赵六's
 * loan of 2018 settled). March has no fact of its own; the other nine townships have none at all. Expected values by
 * hand.
 */
class MicroloanReportTest {

    private static final String LEDGER_HEADER = "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期";
    private static final String STRANGER = "140222199001010026";
    private static final String COLUMNS = """
            township, year_month, loans_outstanding, outstanding_wan_yuan, loans_overdue, overdue_wan_yuan,
            overdue_rate_pct, overdue_rank, loans_issued, issued_wan_yuan, loans_issued_ytd, issued_ytd_wan_yuan,
            target_wan_yuan, target_progress_pct, loans_over_limit, loans_over_limit_ytd""";

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() throws IOException {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), at(2019, 1, 5));
        loads.load(RegistryFiles.mixinguan(dir), at(2019, 1, 6));
        loads.load(
                "microloan",
                csv(
                        "2019年1月扶贫小额信贷台账（农商银行）.csv",
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2018-12-10,2021-12-09,50000,正常,2019-01-31",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,30000,2019-01-15,2022-01-14,30000,逾期,2019-01-31"),
                at(2019, 2, 5));
        loads.load(
                "microloan",
                csv(
                        "2019年2月扶贫小额信贷台账（邮储银行）.csv",
                        "陈兰," + CHEN_LAN + ",邮储银行,YC001,20000,2019-02-10,2021-02-09,20000,逾期,2019-02-28",
                        "赵六," + ZHAO_LIU + ",邮储银行,YC002,8000,2018-11-05,2019-11-04,0,已结清,2019-02-28"),
                at(2019, 3, 5));
        loads.load(
                "microloan",
                csv(
                        "2019年4月扶贫小额信贷台账（农商银行）.csv",
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2018-12-10,2021-12-09,40000,逾期,2019-04-30",
                        "王桂兰," + WANG_GUILAN + ",天镇农商银行,NS003,60000,2019-04-05,2022-04-04,60000,正常,2019-04-30",
                        "钱七," + STRANGER + ",天镇农商银行,NS004,10000,2019-04-20,2021-04-19,10000,逾期,2019-04-30"),
                at(2019, 5, 6));
        loads.warehouse().buildMarts();
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void theCountyAndTheTownshipsWithLoansHaveEachMonthFromTheFirstIssueToTheLatestLedger() {
        // when
        List<List<Object>> months = loads.rows("select " + COLUMNS + """
                 from rpt_microloan_month where township in ('全县', '玉泉镇', '米薪关镇', '未归属乡镇')
                order by year_month, unit, township_key""");

        // then: before the first ledger (2018) nothing is known to be owed; from january each bank's latest ledger
        // counts (march repeats february: no ledger, no issue); 赵六's settled loan is not owed, 刘福's loan missing
        // from april's ledger neither; NS003 (60000) is over the 50000 limit; the year to date starts again in 2019
        assertThat(months)
                .containsExactly(
                        row(
                                "全县",
                                "2018-11",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1,
                                wan("0.8"),
                                1,
                                wan("0.8"),
                                pct("12000"),
                                pct("0.01"),
                                0,
                                0),
                        row(
                                "未归属乡镇", "2018-11", null, null, null, null, null, null, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "玉泉镇",
                                "2018-11",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1,
                                wan("0.8"),
                                1,
                                wan("0.8"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "米薪关镇", "2018-11", null, null, null, null, null, null, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "全县",
                                "2018-12",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1,
                                wan("5"),
                                2,
                                wan("5.8"),
                                pct("12000"),
                                pct("0.05"),
                                0,
                                0),
                        row(
                                "未归属乡镇", "2018-12", null, null, null, null, null, null, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "玉泉镇",
                                "2018-12",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1,
                                wan("5"),
                                2,
                                wan("5.8"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "米薪关镇", "2018-12", null, null, null, null, null, null, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "全县",
                                "2019-01",
                                2,
                                wan("8"),
                                1,
                                wan("3"),
                                pct("37.5"),
                                null,
                                1,
                                wan("3"),
                                1,
                                wan("3"),
                                pct("15000"),
                                pct("0.02"),
                                0,
                                0),
                        row(
                                "未归属乡镇", "2019-01", 0, wan("0"), 0, wan("0"), null, null, 0, wan("0"), 0, wan("0"),
                                null, null, 0, 0),
                        row(
                                "玉泉镇", "2019-01", 1, wan("5"), 0, wan("0"), pct("0"), 2, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "米薪关镇",
                                "2019-01",
                                1,
                                wan("3"),
                                1,
                                wan("3"),
                                pct("100"),
                                1,
                                1,
                                wan("3"),
                                1,
                                wan("3"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "全县",
                                "2019-02",
                                3,
                                wan("10"),
                                2,
                                wan("5"),
                                pct("50"),
                                null,
                                1,
                                wan("2"),
                                2,
                                wan("5"),
                                pct("15000"),
                                pct("0.03"),
                                0,
                                0),
                        row(
                                "未归属乡镇", "2019-02", 0, wan("0"), 0, wan("0"), null, null, 0, wan("0"), 0, wan("0"),
                                null, null, 0, 0),
                        row(
                                "玉泉镇", "2019-02", 1, wan("5"), 0, wan("0"), pct("0"), 2, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "米薪关镇",
                                "2019-02",
                                2,
                                wan("5"),
                                2,
                                wan("5"),
                                pct("100"),
                                1,
                                1,
                                wan("2"),
                                2,
                                wan("5"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "全县",
                                "2019-03",
                                3,
                                wan("10"),
                                2,
                                wan("5"),
                                pct("50"),
                                null,
                                0,
                                wan("0"),
                                2,
                                wan("5"),
                                pct("15000"),
                                pct("0.03"),
                                0,
                                0),
                        row(
                                "未归属乡镇", "2019-03", 0, wan("0"), 0, wan("0"), null, null, 0, wan("0"), 0, wan("0"),
                                null, null, 0, 0),
                        row(
                                "玉泉镇", "2019-03", 1, wan("5"), 0, wan("0"), pct("0"), 2, 0, wan("0"), 0, wan("0"), null,
                                null, 0, 0),
                        row(
                                "米薪关镇",
                                "2019-03",
                                2,
                                wan("5"),
                                2,
                                wan("5"),
                                pct("100"),
                                1,
                                0,
                                wan("0"),
                                2,
                                wan("5"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "全县",
                                "2019-04",
                                4,
                                wan("13"),
                                3,
                                wan("7"),
                                pct("53.85"),
                                null,
                                2,
                                wan("7"),
                                4,
                                wan("12"),
                                pct("15000"),
                                pct("0.08"),
                                1,
                                1),
                        row(
                                "未归属乡镇",
                                "2019-04",
                                1,
                                wan("1"),
                                1,
                                wan("1"),
                                pct("100"),
                                null,
                                1,
                                wan("1"),
                                1,
                                wan("1"),
                                null,
                                null,
                                0,
                                0),
                        row(
                                "玉泉镇", "2019-04", 2, wan("10"), 1, wan("4"), pct("40"), 2, 1, wan("6"), 1, wan("6"),
                                null, null, 1, 1),
                        row(
                                "米薪关镇",
                                "2019-04",
                                1,
                                wan("2"),
                                1,
                                wan("2"),
                                pct("100"),
                                1,
                                0,
                                wan("0"),
                                2,
                                wan("5"),
                                null,
                                null,
                                0,
                                0));
    }

    @Test
    void aTownshipWithNoLoanHasZerosOnceALedgerIsKnownAndNoRank() {
        // when: the nine townships without a borrower, alike in every month
        List<List<Object>> months = loads.rows("""
                select year_month, count(*), loans_outstanding, outstanding_wan_yuan, overdue_rate_pct, overdue_rank,
                       loans_issued_ytd, issued_ytd_wan_yuan, target_wan_yuan, loans_over_limit_ytd
                from rpt_microloan_month
                where unit = 'township' and township not in ('玉泉镇', '米薪关镇', '未归属乡镇')
                group by all order by year_month""");

        // then
        assertThat(months)
                .containsExactly(
                        row("2018-11", 9L, null, null, null, null, 0, wan("0"), null, 0),
                        row("2018-12", 9L, null, null, null, null, 0, wan("0"), null, 0),
                        row("2019-01", 9L, 0, wan("0"), null, null, 0, wan("0"), null, 0),
                        row("2019-02", 9L, 0, wan("0"), null, null, 0, wan("0"), null, 0),
                        row("2019-03", 9L, 0, wan("0"), null, null, 0, wan("0"), null, 0),
                        row("2019-04", 9L, 0, wan("0"), null, null, 0, wan("0"), null, 0));
    }

    @Test
    void theCountyRowIsTheSumOfItsTownshipsAndItsRateTheirRatio() {
        // when: the county rows that differ from what their townships add up to
        List<List<Object>> differing = loads.rows("""
                with township as (
                    select year_month, sum(loans_outstanding) as loans, sum(outstanding_wan_yuan) as balance,
                           sum(loans_overdue) as overdue, sum(overdue_wan_yuan) as overdue_balance,
                           sum(loans_issued) as issued, sum(issued_wan_yuan) as principal,
                           sum(loans_issued_ytd) as issued_ytd, sum(issued_ytd_wan_yuan) as principal_ytd,
                           sum(loans_over_limit_ytd) as over_limit_ytd
                    from rpt_microloan_month where unit = 'township' group by year_month
                )
                select c.year_month
                from rpt_microloan_month c join township t using (year_month)
                where c.unit = 'county' and (
                    c.loans_outstanding is distinct from t.loans or c.outstanding_wan_yuan is distinct from t.balance
                    or c.loans_overdue is distinct from t.overdue or c.overdue_wan_yuan is distinct from t.overdue_balance
                    or c.overdue_rate_pct is distinct from round(t.overdue_balance * 100 / t.balance, 2)
                    or c.loans_issued <> t.issued or c.issued_wan_yuan <> t.principal
                    or c.loans_issued_ytd <> t.issued_ytd or c.issued_ytd_wan_yuan <> t.principal_ytd
                    or c.loans_over_limit_ytd <> t.over_limit_ytd)""");
        List<List<Object>> countyMonths = loads.rows("select count(*) from rpt_microloan_month where unit = 'county'");

        // then
        assertThat(differing).isEmpty();
        assertThat(countyMonths).containsExactly(row(6L));
    }

    @Test
    void theReportPassesItsDataTests() {
        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
    }

    private static BigDecimal wan(String value) {
        return new BigDecimal(value).setScale(6);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value).setScale(2);
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }

    private static Path csv(String fileName, String... rows) throws IOException {
        String text = LEDGER_HEADER + "\n" + String.join("\n", rows) + "\n";
        return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
    }
}
