package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
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
 * The plan targets seeded from the bundled file, and their monthly progress over a small county: one training roster
 * of 2019 (李秀英 on two courses, 张建国 and 陈兰 in August) and two ledgers of one bank (a loan of 2018, and one of
 * 2019 whose principal the later ledger corrects, and a new loan in November). Expected values by hand.
 */
class PlanTargetReportTest {

    private static final String LEDGER_HEADER = "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期";

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() throws IOException {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), at(2019, 1, 5));
        loads.load(RegistryFiles.mixinguan(dir), at(2019, 1, 6));
        loads.load(
                "training",
                csv(
                        "2019年培训花名册.csv",
                        "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额",
                        "李秀英," + LI_XIUYING + ",家政服务员,方源职业培训学校,2019-06-01,2019-06-10,80,是,是,1200",
                        "李秀英," + LI_XIUYING + ",养老护理员,方源职业培训学校,2019-08-10,2019-08-20,80,是,是,1200",
                        "张建国," + ZHANG_JIANGUO + ",养殖技术,阳光职业培训学校,2019-08-10,2019-08-20,60,否,否,800",
                        "陈兰," + CHEN_LAN + ",电子商务,博宇职业培训学校,2019-08-25,2019-08-30,40,是,是,600"),
                at(2019, 9, 1));
        loads.load(
                "microloan",
                csv(
                        "2019年6月扶贫小额信贷台账（农商银行）.csv",
                        LEDGER_HEADER,
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2019-03-15,2022-03-14,50000,正常,2019-06-30",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,36000,2018-05-10,2021-05-09,20000,正常,2019-06-30"),
                at(2019, 7, 5));
        loads.load(
                "microloan",
                csv(
                        "2019年12月扶贫小额信贷台账（农商银行）.csv",
                        LEDGER_HEADER,
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,40000,2019-03-15,2022-03-14,40000,正常,2019-12-31",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,36000,2018-05-10,2021-05-09,15000,正常,2019-12-31",
                        "王桂兰," + WANG_GUILAN + ",天镇农商银行,NS003,20000,2019-11-20,2021-11-19,20000,正常,2019-12-31"),
                at(2020, 1, 6));
        loads.warehouse().buildMarts();
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void theBundledTargetsAreSeededWithTheirTableRows() {
        // when
        List<List<Object>> targets = loads.rows("""
                select target, year(valid_from), value, unit, applies_to, left(source, 30)
                from ref_plan_target order by target, valid_from""");

        // then
        String training = "天镇县攻克深度贫困脱贫攻坚指标（2018-2020）序号36";
        String microloan = "天镇县攻克深度贫困脱贫攻坚指标（2018-2020）序号37";
        assertThat(targets)
                .containsExactly(
                        row(
                                "free_training_trainees",
                                2018L,
                                new BigDecimal("1000.00"),
                                "persons",
                                "training",
                                training),
                        row(
                                "free_training_trainees",
                                2019L,
                                new BigDecimal("1000.00"),
                                "persons",
                                "training",
                                training),
                        row(
                                "free_training_trainees",
                                2020L,
                                new BigDecimal("1000.00"),
                                "persons",
                                "training",
                                training),
                        row("microloan_issued", 2018L, new BigDecimal("12000.00"), "wan_yuan", "microloan", microloan),
                        row("microloan_issued", 2019L, new BigDecimal("15000.00"), "wan_yuan", "microloan", microloan),
                        row("microloan_issued", 2020L, new BigDecimal("20000.00"), "wan_yuan", "microloan", microloan));
    }

    @Test
    void eachTargetMonthHasTheMonthYearToDateAndProgressFromTheFirstMonthWithAFact() {
        // when
        List<List<Object>> months = loads.rows("""
                select target, year_month, target_value, month_value, ytd_value, progress_pct
                from rpt_plan_target_month order by target, year_month""");

        // then: training 2019 starts in june (no row for january to may, before any fact) and stops in august, the
        // latest month a roster reaches; 李秀英's second course counts no second person; 2018 and 2020 have no
        // enrolment, so no row. loans: the 2018 loan from may to december 2018, each 2019 loan by its latest ledger
        // (NS001 corrected to 40000), to november, the latest issue month; 2020 has no loan, so no row.
        assertThat(months)
                .containsExactly(
                        row(
                                "free_training_trainees",
                                "2019-06",
                                dec("1000.00"),
                                dec("1.0000"),
                                dec("1.0000"),
                                dec("0.10")),
                        row(
                                "free_training_trainees",
                                "2019-07",
                                dec("1000.00"),
                                dec("0.0000"),
                                dec("1.0000"),
                                dec("0.10")),
                        row(
                                "free_training_trainees",
                                "2019-08",
                                dec("1000.00"),
                                dec("2.0000"),
                                dec("3.0000"),
                                dec("0.30")),
                        row("microloan_issued", "2018-05", dec("12000.00"), dec("3.6000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-06", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-07", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-08", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-09", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-10", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-11", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2018-12", dec("12000.00"), dec("0.0000"), dec("3.6000"), dec("0.03")),
                        row("microloan_issued", "2019-03", dec("15000.00"), dec("4.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-04", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-05", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-06", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-07", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-08", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-09", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-10", dec("15000.00"), dec("0.0000"), dec("4.0000"), dec("0.03")),
                        row("microloan_issued", "2019-11", dec("15000.00"), dec("2.0000"), dec("6.0000"), dec("0.04")));
    }

    @Test
    void theTargetsAndTheReportPassTheirDataTests() {
        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }

    private static Path csv(String fileName, String... lines) throws IOException {
        return Files.writeString(dir.resolve(fileName), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
