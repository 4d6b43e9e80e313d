package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.WANG_XIAOMING;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryFiles.ZHANG_WEI;
import static org.hhw.warehouse.RegistryFiles.ZHAO_LIU;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small county through the real load path: 玉泉镇 and 米薪关镇 registered in January 2019, 玉泉镇 corrected in
 * July (张伟 and household 3101000003 gone, 3101000004 new), then every department's files, with one correction,
 * rejected rows, a student the registry does not know and a training file that could not be used. The expected
 * values are computed by hand from the rows below.
 */
class MartsTest {

    private static final String UNREGISTERED_STUDENT = RegistryCsv.id("20050101", "031");

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() throws IOException {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), at(2019, 1, 5));
        loads.load(RegistryFiles.mixinguan(dir), at(2019, 1, 6));
        loads.load(RegistryFiles.yuquanCorrected(dir), at(2019, 7, 1));
        loads.load(
                "education",
                csv(
                        "2019年春季资助名册.csv",
                        "学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期",
                        "张伟," + ZHANG_WEI + ",天镇县职业中学,中职,中职助学金,2019年春季,1000,2019-03-20",
                        "王小明," + WANG_XIAOMING + ",天镇县第一中学,高中,普高助学金,2019年春季,800,2019-03-20",
                        "王五," + UNREGISTERED_STUDENT + ",天镇县第一中学,高中,普高助学金,2019年春季,800,2019-03-20",
                        "李四," + LI_XIUYING + ",天镇县第一中学,高中,普高助学金,2019年春季,待定,2019-03-20"),
                at(2019, 4, 1));
        loads.load(
                "microloan",
                csv(
                        "2019年6月扶贫小额信贷台账（农商银行）.csv",
                        "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期",
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2019-03-15,2022-03-14,50000,正常,2019-06-30",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,30000,2018-05-10,2021-05-09,20000,逾期,2019-06-30"),
                at(2019, 7, 5));
        loads.load(
                "training",
                csv(
                        "2019年培训花名册.csv",
                        "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额",
                        "李秀英," + LI_XIUYING + ",家政服务员,方源职业培训学校,2019-08-10,2019-08-20,80,是,在北京做家政,1200",
                        "张建国," + ZHANG_JIANGUO + ",养殖技术,阳光职业培训学校,2019-08-10,2019-08-20,60,否,否,800",
                        "陈兰," + CHEN_LAN + ",电子商务,博宇职业培训学校,2019-06-01,2019-06-10,40,是,是,600",
                        "刘福," + LIU_FU + ",电子商务,博宇职业培训学校,2019-06-10,2019-06-01,40,是,是,600"),
                at(2019, 9, 1));
        Path unusable = csv("2019年培训花名册（损坏）.csv", "培训花名册");
        int unusableKey = loads.warehouse()
                .register("training", unusable.getFileName().toString(), Intake.sha256(unusable), at(2019, 9, 15));
        loads.warehouse().markRejected(unusableKey, "COLUMNS_MISSING", "缺少必填列");
        loads.load(
                "education",
                csv(
                        "2019年资助名册（更正）.csv",
                        "学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期",
                        "王小明," + WANG_XIAOMING + ",天镇县第一中学,高中,普高助学金,2019年春季,900,2019-03-25",
                        "陈兰," + CHEN_LAN + ",天镇县职业中学,中职,中职助学金,2019年秋季,1000,2019-10-08"),
                at(2019, 10, 10));
        loads.load(
                "microloan",
                csv(
                        "2019年11月扶贫小额信贷台账（邮储银行）.csv",
                        "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期",
                        "王桂兰," + WANG_GUILAN + ",邮储银行,YC001,20000,2019-09-01,2021-08-31,20000,正常,2019-11-30"),
                at(2019, 12, 2));
        loads.load(
                "medical",
                csv(
                        "2019年住院结算明细.csv",
                        "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,大病保险报销," + "补充医疗保险,医疗救助,其他报销,个人自付",
                        "M1,张建国," + ZHANG_JIANGUO
                                + ",天镇县人民医院,县级,2019-02-10,2019-02-20,10000,6000,1500,500,800,200,1000",
                        "M2,李秀英," + LI_XIUYING + ",玉泉镇卫生院,乡镇卫生院,2019-08-01,2019-08-05,2000,1500,,,200,,300",
                        "M3,赵六," + ZHAO_LIU + ",天镇县人民医院,县级,2019-05-03,2019-05-10,5000,3000,0,0,0,0,2000",
                        "M4,刘福," + LIU_FU + ",大同市第三人民医院,市级,2020-01-05,2020-01-15,8000.50,5000,1000,0,0,0,2000.50"),
                at(2019, 12, 20));
        loads.load(
                "microloan",
                csv(
                        "2019年12月扶贫小额信贷台账（农商银行）.csv",
                        "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期",
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2019-03-15,2022-03-14,45000,正常,2019-12-31",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,30000,2018-05-10,2021-05-09,15000,逾期,2019-12-31"),
                at(2020, 1, 6));
        loads.warehouse().buildMarts();
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void everyCurrentHouseholdHasAYearFrom2018ToTheLatestEventWithItsTotals() {
        // when
        List<String> rows =
                strings("select household_id, year, township, village, members, poverty_status, main_cause, "
                        + "exit_year, education_payments, education_yuan, medical_stays, medical_total_cost, medical_reimbursed, "
                        + "medical_self_paid, loans_issued, loan_principal, loan_balance, loans_overdue, loan_overdue_balance, "
                        + "training_enrolments, training_completed, members_employed_after_training, education_yuan_per_member, "
                        + "medical_reimbursed_per_member, medical_self_paid_per_member, loan_principal_per_member "
                        + "from mart_household_year order by household_id, year");

        // then: 3101000003 left the registry, so its 2019 stay (赵六) is in no household's row
        assertThat(rows)
                .containsExactly(
                        "3101000001|2018|玉泉镇|李家庄|2|ordinary|illness|2019|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000001|2019|玉泉镇|李家庄|2|ordinary|illness|2019|1|1000.00|2|12000.00|10700.00|1300.00|1|50000.00"
                                + "|45000.00|0|0.00|2|1|1|500.00|5350.00|650.00|25000.00",
                        "3101000001|2020|玉泉镇|李家庄|2|ordinary|illness|2019|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000002|2018|玉泉镇|鲍家屯|2|dibao|disability|null|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000002|2019|玉泉镇|鲍家屯|2|dibao|disability|null|1|900.00|0|0.00|0.00|0.00|1|20000.00|20000.00|0"
                                + "|0.00|0|0|0|450.00|0.00|0.00|10000.00",
                        "3101000002|2020|玉泉镇|鲍家屯|2|dibao|disability|null|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000004|2018|玉泉镇|石家庄|1|ordinary|schooling|null|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000004|2019|玉泉镇|石家庄|1|ordinary|schooling|null|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3101000004|2020|玉泉镇|石家庄|1|ordinary|schooling|null|0|0.00|0|0.00|0.00|0.00|0|0.00|0.00|0|0.00|0|0|0"
                                + "|0.00|0.00|0.00|0.00",
                        "3103000001|2018|米薪关镇|孤峰山|2|ordinary|lack_skills|2020|0|0.00|0|0.00|0.00|0.00|1|30000.00|0.00|0"
                                + "|0.00|0|0|0|0.00|0.00|0.00|15000.00",
                        "3103000001|2019|米薪关镇|孤峰山|2|ordinary|lack_skills|2020|1|1000.00|0|0.00|0.00|0.00|0|0.00|15000.00|1"
                                + "|15000.00|1|1|1|500.00|0.00|0.00|0.00",
                        "3103000001|2020|米薪关镇|孤峰山|2|ordinary|lack_skills|2020|0|0.00|1|8000.50|6000.00|2000.50|0|0.00|0.00"
                                + "|0|0.00|0|0|0|0.00|3000.00|1000.25|0.00");
    }

    @Test
    void eachTownshipMonthCountsHouseholdsAmountsAndTheFilesThatNamedIt() {
        // when
        List<String> rows = strings("select township, year_month, education_households, education_payments, "
                + "education_yuan, medical_households, medical_stays, medical_total_cost, medical_reimbursed, "
                + "medical_self_paid, microloan_households, loans_issued, loan_principal, training_households, "
                + "training_enrolments, training_subsidy, files_received, files_unusable, file_rows_read, "
                + "file_rows_rejected, reject_rate from mart_township_month order by township_key, year_month");

        // then: first what no registered household places (the unknown student, the unusable file), then the townships
        assertThat(rows)
                .containsExactly(
                        "未归属乡镇|2019-03|0|1|800.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|0|0|0|0|null",
                        "未归属乡镇|2019-09|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|1|0|0|null",
                        "玉泉镇|2019-02|0|0|0.00|1|1|10000.00|9000.00|1000.00|0|0|0.00|0|0|0.00|0|0|0|0|null",
                        "玉泉镇|2019-03|2|2|1900.00|0|0|0.00|0.00|0.00|1|1|50000.00|0|0|0.00|0|0|0|0|null",
                        "玉泉镇|2019-04|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|4|1|0.2500",
                        "玉泉镇|2019-05|0|0|0.00|1|1|5000.00|3000.00|2000.00|0|0|0.00|0|0|0.00|0|0|0|0|null",
                        "玉泉镇|2019-07|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|2|0|0.0000",
                        "玉泉镇|2019-08|0|0|0.00|1|1|2000.00|1700.00|300.00|0|0|0.00|1|2|2000.00|0|0|0|0|null",
                        "玉泉镇|2019-09|0|0|0.00|0|0|0.00|0.00|0.00|1|1|20000.00|0|0|0.00|1|0|4|1|0.2500",
                        "玉泉镇|2019-10|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|2|0|0.0000",
                        "玉泉镇|2019-12|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|2|0|5|0|0.0000",
                        "玉泉镇|2020-01|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|2|0|0.0000",
                        "米薪关镇|2018-05|0|0|0.00|0|0|0.00|0.00|0.00|1|1|30000.00|0|0|0.00|0|0|0|0|null",
                        "米薪关镇|2019-06|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|1|1|600.00|0|0|0|0|null",
                        "米薪关镇|2019-07|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|2|0|0.0000",
                        "米薪关镇|2019-09|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|4|1|0.2500",
                        "米薪关镇|2019-10|1|1|1000.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|2|0|0.0000",
                        "米薪关镇|2019-12|0|0|0.00|0|0|0.00|0.00|0.00|0|0|0.00|0|0|0.00|1|0|4|0|0.0000",
                        "米薪关镇|2020-01|0|0|0.00|1|1|8000.50|6000.00|2000.50|0|0|0.00|0|0|0.00|1|0|2|0|0.0000");
    }

    @Test
    void martDataTestsPass() {
        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
    }

    @Test
    void martThatDriftsFromItsFactsFailsItsTotalsTest() throws Exception {
        // given
        try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
            st.execute("update mart_household_year set education_yuan = education_yuan + 1 "
                    + "where household_id = '3101000002' and year = 2019");
            st.execute("update mart_township_month set loan_principal = 0 where year_month = '2018-05'");
        }

        try {
            // when
            List<DataTestFailure> failures = loads.warehouse().runDataTests();

            // then
            assertThat(failures)
                    .containsExactly(
                            new DataTestFailure(
                                    "tests/mart_household_year_totals.sql",
                                    1,
                                    List.of("measure=education_yuan, facts=2900.00, mart=2901.00")),
                            new DataTestFailure(
                                    "tests/mart_township_month_totals.sql",
                                    1,
                                    List.of("measure=loan_principal, facts=100000.00, mart=70000.00")));
        } finally {
            loads.warehouse().buildMarts();
        }
    }

    private static List<String> strings(String sql) {
        return loads.rows(sql).stream()
                .map(row -> String.join("|", row.stream().map(String::valueOf).toList()))
                .toList();
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }

    private static Path csv(String fileName, String... lines) throws IOException {
        return Files.writeString(dir.resolve(fileName), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
