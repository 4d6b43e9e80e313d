package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules judge events by their own dates, the policy's: a loan issued in 2016 on a 2018 ledger falls under the
 * microloan policy of december 2014, and an event before every version of its rule is a data-test failure.
 */
class PolicyRuleCoverageTest {

    // MartFindingTest's people, other events: 孙强 (3101000004, 因病 here) borrows in 2016 over the principal and
    // term limits, and in 2014 before the policy; 周大 (3101000005) stays in a county hospital in 2017, before the
    // plan's caps; not in the registry: 钱七 borrows in 2016, 刘小红 is paid in 2017, 冯十七 starts a 2017 course
    private static final String SUN_QIANG = MartFindingTest.SUN_QIANG;
    private static final String ZHOU_DA = MartFindingTest.ZHOU_DA;
    private static final String QIAN_QI = MartFindingTest.QIAN_QI;
    private static final String LIU_XIAOHONG = MartFindingTest.LIU_XIAOHONG;
    private static final String FENG_SHIQI = MartFindingTest.FENG_SHIQI;

    private static final String TEST = "tests/policy_rule_covers_event.sql";

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void loadTheCounty() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(
                csv(
                        "玉泉镇花名册.csv",
                        "户编号,乡镇,行政村,姓名,证件号码,与户主关系,性别,家庭人口数,贫困户属性,主要致贫原因,脱贫状态,脱贫年度,劳动能力,在校生状况",
                        "3101000004,玉泉镇,李家庄,孙强," + SUN_QIANG + ",户主,男,1,一般贫困户,因病,未脱贫,,普通劳动力,非在校生",
                        "3101000005,玉泉镇,鲍家屯,周大," + ZHOU_DA + ",户主,男,1,低保贫困户,因病,未脱贫,,弱劳动力,非在校生"),
                LocalDateTime.of(2018, 1, 2, 9, 0));
        loads.load(
                "microloan",
                csv(
                        "2018年6月扶贫小额信贷台账.csv",
                        "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,期限（月）,年利率,贷款余额,还款状态,统计日期",
                        "孙强," + SUN_QIANG + ",天镇农商银行,HT-1,60000,2016-04-01,2019-03-31,36,4.35%,60000,正常,2018-06-30",
                        "孙强," + SUN_QIANG + ",天镇农商银行,HT-2,40000,2016-05-01,2020-04-30,48,4.35%,40000,正常,2018-06-30",
                        "钱七," + QIAN_QI + ",邮储银行,HT-3,20000,2016-06-01,2019-05-31,36,4.35%,20000,正常,2018-06-30",
                        "孙强," + SUN_QIANG + ",天镇农商银行,HT-4,60000,2014-06-01,2018-12-31,55,4.35%,10000,正常,2018-06-30"),
                LocalDateTime.of(2018, 7, 5, 9, 0));
        loads.load(
                "medical",
                csv(
                        "2017年住院结算明细.csv",
                        MartFindingTest.MEDICAL,
                        "JS-1,周大," + ZHOU_DA + ",天镇县人民医院,县级,2017-11-02,2017-11-10,5000,3500,1500"),
                LocalDateTime.of(2018, 1, 10, 9, 0));
        loads.load(
                "education",
                csv(
                        "2017年秋季学期资助名册.csv",
                        MartFindingTest.EDUCATION,
                        "刘小红," + LIU_XIAOHONG + ",南河堡乡中心小学,小学,营养改善计划,2017年秋季,600,2017-10-10"),
                LocalDateTime.of(2018, 1, 11, 9, 0));
        loads.load(
                "training",
                csv(
                        "2017年技能培训花名册.csv",
                        "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业",
                        "冯十七," + FENG_SHIQI + ",保安员,阳光职业培训学校,2017-09-01,2017-09-30,80,是"),
                LocalDateTime.of(2018, 1, 12, 9, 0));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void aLoanOfBeforeThePlanOnAPlanLedgerIsJudgedByThePolicyOfItsIssueDate() {
        // when
        loads.warehouse().buildMarts();

        // then the 2016 loans are judged; the 2014 loan, the 2017 stay, pupil and trainee are judged by nothing
        assertThat(loads
                        .rows(
                                "select rule_code, year, name, detail from mart_finding order by rule_order, year, household_id, person_id_hash, detail")
                        .stream()
                        .map(Object::toString)
                        .toList())
                .containsExactly(
                        "[LOAN_OVER_LIMIT, 2016, 孙强, 借款合同号HT-1（天镇农商银行，2016年4月1日发放）：贷款金额60,000.00元，超过上限50,000.00元]",
                        "[LOAN_TERM_OVER_LIMIT, 2016, 孙强, 借款合同号HT-2（天镇农商银行，2016年5月1日发放）：贷款期限48个月，超过上限36个月]",
                        "[BENEFICIARY_NOT_REGISTERED, 2016, 钱七, 扶贫小额信贷 借款合同号HT-3（邮储银行，2016年6月1日发放）20,000.00元，"
                                + "借款人不在建档立卡花名册中]");
    }

    @Test
    void everyEventBeforeEveryVersionOfItsRuleFailsTheDataTest() {
        // given
        loads.warehouse().buildMarts();

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then it is the only data test failing, and it lists each event with each rule that cannot judge it
        assertThat(failures)
                .extracting(DataTestFailure::test, DataTestFailure::rows)
                .containsExactly(tuple(TEST, 13L));
        assertThat(loads.rows(sql(TEST)).stream().map(Object::toString).toList())
                .containsExactly(
                        "[fact_education_aid, 1, 4, 2017年秋季学期资助名册, 2, compulsory_school_age_max, all, paid_on 12-31, 2017-12-31]",
                        "[fact_education_aid, 1, 4, 2017年秋季学期资助名册, 2, compulsory_school_age_min, all, paid_on 12-31, 2017-12-31]",
                        "[fact_education_aid, 1, 4, 2017年秋季学期资助名册, 2, education_aid_amount_max, all, paid_on, 2017-10-10]",
                        "[fact_medical_claim, 1, 3, 2017年住院结算明细, 2, medical_burden_warning, all, admitted_date, 2017-11-02]",
                        "[fact_medical_claim, 1, 3, 2017年住院结算明细, 2, medical_self_pay_cap, county, admitted_date, 2017-11-02]",
                        "[fact_microloan, 4, 2, 2018年6月扶贫小额信贷台账, 5, microloan_principal_max, all, issue_date, 2014-06-01]",
                        "[fact_microloan, 4, 2, 2018年6月扶贫小额信贷台账, 5, microloan_rate_max, all, issue_date, 2014-06-01]",
                        "[fact_microloan, 4, 2, 2018年6月扶贫小额信贷台账, 5, microloan_term_max, all, issue_date, 2014-06-01]",
                        "[fact_microloan, 4, 2, 2018年6月扶贫小额信贷台账, 5, registered_households_only, microloan, issue_date, "
                                + "2014-06-01]",
                        "[fact_training, 1, 5, 2017年技能培训花名册, 2, trainee_age_max, all, start_date, 2017-09-01]",
                        "[fact_training, 1, 5, 2017年技能培训花名册, 2, trainee_age_max, all, start_date 12-31, 2017-12-31]",
                        "[fact_training, 1, 5, 2017年技能培训花名册, 2, trainee_age_min, all, start_date, 2017-09-01]",
                        "[fact_training, 1, 5, 2017年技能培训花名册, 2, trainee_age_min, all, start_date 12-31, 2017-12-31]");
    }

    private static String sql(String resource) {
        try (InputStream in = PolicyRuleCoverageTest.class.getResourceAsStream("/sql/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path csv(String fileName, String header, String... lines) {
        return MartFindingTest.csv(dir, fileName, header, lines);
    }
}
