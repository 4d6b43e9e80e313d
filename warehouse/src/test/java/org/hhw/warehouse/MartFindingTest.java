package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryCsv.id;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixture county of six 玉泉镇 households and four beneficiaries the registry does not know, with one case of
 * every rule and, beside each, the case just inside the rule that must not fire.
 */
class MartFindingTest {

    // 3101000001 缺技术: 张建国 44 in 2019 and untrained, 李秀英 51, 张小明 11 with aid (paid twice by two schools)
    static final String ZHANG_JIANGUO = id("19750312", "011");
    static final String LI_XIUYING = id("19680705", "022");
    static final String ZHANG_XIAOMING = id("20080501", "031");
    // 3101000002 缺技术: 王强 trained; 王小红 14 and 王小丽 6 but in 小学, both without aid; 王大宝 16, not in school
    static final String WANG_QIANG = id("19900808", "041");
    static final String WANG_XIAOHONG = id("20050110", "052");
    static final String WANG_XIAOLI = id("20130601", "062");
    static final String WANG_DABAO = id("20031231", "071");
    // 3101000003 缺资金 without a loan; 赵六 starts a course on his 50th birthday
    static final String ZHAO_LIU = id("19690401", "081");
    // 3101000004 缺资金 with loans: one at both limits, one over the principal limit, one over the term limit
    static final String SUN_QIANG = id("19800115", "091");
    // 3101000005 因病: 周大 over the county cap with two stays, 吴二 over the province cap; 30,100 yuan self-paid
    static final String ZHOU_DA = id("19600220", "101");
    static final String WU_ER = id("19620330", "112");
    // 3101000006 因病, 2 members: 8,000 yuan self-paid in the window, under 10,000 but over 3,906 × 2
    static final String ZHENG_YI = id("19550505", "121");
    static final String ZHENG_ER = id("19570606", "132");
    // not in the registry: a nutrition pupil, a 雨露计划 student, a borrower, a 16-year-old trainee
    static final String LIU_XIAOHONG = id("20100315", "142");
    static final String QIAN_XIAOYAN = id("20000606", "152");
    static final String QIAN_QI = id("19780707", "161");
    static final String FENG_SHIQI = id("20020501", "171");

    static final String EDUCATION = "学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期";
    static final String MEDICAL = "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,个人自付";

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void loadTheCounty() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(registry(), LocalDateTime.of(2019, 1, 2, 9, 0));
        loads.load("education", educationSpring(), LocalDateTime.of(2019, 5, 1, 9, 0));
        loads.load("education", educationAutumn(), LocalDateTime.of(2019, 10, 15, 9, 0));
        loads.load("medical", medical(), LocalDateTime.of(2019, 12, 1, 9, 0));
        loads.load("medical", medicalCorrected(), LocalDateTime.of(2019, 12, 15, 9, 0));
        loads.load("microloan", ledger(), LocalDateTime.of(2019, 7, 5, 9, 0));
        loads.load("training", trainees(), LocalDateTime.of(2019, 12, 20, 9, 0));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void everyRuleFiresExactlyWhereItShould() {
        // when
        loads.warehouse().buildMarts();

        // then
        String registry = "{'file_key': 1, 'sheet': 玉泉镇花名册, 'row_number': ";
        String claims = "{'file_key': 4, 'sheet': 2019年住院结算明细, 'row_number': ";
        assertThat(loads.rows("""
                select row_number() over (order by rule_order, year, household_id, person_id_hash, detail),
                       rule_code, severity, year, household_id, name, programme, detail,
                       file_key, sheet, row_number, cast(lineage as varchar)
                from mart_finding order by rule_order, year, household_id, person_id_hash, detail""").stream().map(Object::toString).toList())
                .containsExactly(
                        "[1, EDU_GAP, high, 2019, 3101000002, 王小红, null, 2019年12月31日满14周岁，在校生状况：未填写；"
                                + "2019年无教育资助发放记录, 1, 玉泉镇花名册, 6, [" + registry + "6}]]",
                        "[2, EDU_GAP, high, 2019, 3101000002, 王小丽, null, 2019年12月31日满6周岁，在校生状况：小学；"
                                + "2019年无教育资助发放记录, 1, 玉泉镇花名册, 7, [" + registry + "7}]]",
                        "[3, SELF_PAY_OVER_CAP, medium, 2019, 3101000005, 吴二, null, 2019年省级医院住院1次，"
                                + "个人自付合计6,500.00元，超过年度封顶额6,000.00元, 4, 2019年住院结算明细, 5, [" + claims + "5}]]",
                        "[4, SELF_PAY_OVER_CAP, medium, 2019, 3101000005, 周大, null, 2019年县域内（乡镇卫生院及县级医院）住院2次，"
                                + "个人自付合计1,100.00元，超过年度封顶额1,000.00元, null, null, null, [" + claims + "2}, "
                                + claims + "3}]]",
                        "[5, LOAN_OVER_LIMIT, medium, 2018, 3101000004, 孙强, microloan, 借款合同号HT-2（天镇农商银行，2018年4月1日发放）："
                                + "贷款金额60,000.00元，超过上限50,000.00元, 6, 2019年6月扶贫小额信贷台账, 3, "
                                + "[{'file_key': 6, 'sheet': 2019年6月扶贫小额信贷台账, 'row_number': 3}]]",
                        "[6, LOAN_TERM_OVER_LIMIT, medium, 2018, 3101000004, 孙强, microloan, 借款合同号HT-3（邮储银行，2018年5月1日发放）："
                                + "贷款期限48个月，超过上限36个月, 6, 2019年6月扶贫小额信贷台账, 4, "
                                + "[{'file_key': 6, 'sheet': 2019年6月扶贫小额信贷台账, 'row_number': 4}]]",
                        "[7, TRAINEE_AGE_OUT_OF_RANGE, medium, 2019, 3101000006, 郑一, null, 养殖技术（博宇职业培训学校，2019年9月1日开班）："
                                + "开班时64周岁，不在18至50周岁范围内, 7, 2019年技能培训花名册, 4, "
                                + "[{'file_key': 7, 'sheet': 2019年技能培训花名册, 'row_number': 4}]]",
                        "[8, TRAINEE_AGE_OUT_OF_RANGE, medium, 2019, UNKNOWN, 冯十七, null, 保安员（阳光职业培训学校，2019年4月1日开班）："
                                + "开班时16周岁，不在18至50周岁范围内, 7, 2019年技能培训花名册, 3, "
                                + "[{'file_key': 7, 'sheet': 2019年技能培训花名册, 'row_number': 3}]]",
                        "[9, DUPLICATE_AID, high, 2019, 3101000001, 张小明, boarding_allowance, 2019年秋季学期寄宿生生活补助"
                                + "由不同学校的名册重复发放：玉泉镇中心小学（2019年春季学期资助名册.csv，625.00元）、"
                                + "天镇县第二中学（2019年秋季学期资助名册.csv，625.00元）, null, null, null, "
                                + "[{'file_key': 2, 'sheet': 2019年春季学期资助名册, 'row_number': 3}, "
                                + "{'file_key': 3, 'sheet': 2019年秋季学期资助名册, 'row_number': 3}]]",
                        "[10, BENEFICIARY_NOT_REGISTERED, high, 2018, UNKNOWN, 钱七, microloan, 扶贫小额信贷 借款合同号HT-4"
                                + "（邮储银行，2018年6月1日发放）20,000.00元，借款人不在建档立卡花名册中, 6, 2019年6月扶贫小额信贷台账, 5, "
                                + "[{'file_key': 6, 'sheet': 2019年6月扶贫小额信贷台账, 'row_number': 5}]]",
                        "[11, BENEFICIARY_NOT_REGISTERED, high, 2019, UNKNOWN, 钱小燕, yulu_plan, 雨露计划 2019年秋季学期"
                                + "（2019年10月8日发放）5,000.00元，受助学生不在建档立卡花名册中, 3, 2019年秋季学期资助名册, 4, "
                                + "[{'file_key': 3, 'sheet': 2019年秋季学期资助名册, 'row_number': 4}]]",
                        "[12, TRAINING_GAP, low, 2019, 3101000001, null, null, 主要致贫原因为缺技术；户内18至50周岁有劳动能力成员1人"
                                + "（张建国），2019年无人参加技能培训, 1, 玉泉镇花名册, 2, [" + registry + "2}]]",
                        "[13, LOAN_GAP, low, 2019, 3101000003, null, microloan, 主要致贫原因为缺资金；截至2019年6月30日的扶贫小额信贷台账中，"
                                + "全户1人均无贷款记录, 1, 玉泉镇花名册, 9, [" + registry + "9}]]",
                        "[14, HIGH_MEDICAL_BURDEN, high, 2019, 3101000005, null, null, 近12个月（2018年11月21日至2019年11月20日入院）"
                                + "全户住院5次，个人自付合计30,100.00元：超过预警线10,000.00元；超过当年农村低保标准3,906.00元×2人=7,812.00元, "
                                + "null, null, null, [" + claims + "2}, " + claims + "3}, " + claims + "5}, " + claims
                                + "6}, "
                                + "{'file_key': 5, 'sheet': 2019年住院结算明细（更正）, 'row_number': 2}]]",
                        "[15, HIGH_MEDICAL_BURDEN, high, 2019, 3101000006, null, null, 近12个月（2018年11月21日至2019年11月20日入院）"
                                + "全户住院1次，个人自付合计8,000.00元：超过当年农村低保标准3,906.00元×2人=7,812.00元, "
                                + "4, 2019年住院结算明细, 7, [" + claims + "7}]]");
    }

    @Test
    void findingsPassTheirDataTests() {
        // when
        loads.warehouse().buildMarts();

        // then
        assertThat(loads.warehouse().runDataTests()).isEmpty();
    }

    private Path registry() {
        return csv(
                "玉泉镇花名册.csv",
                "户编号,乡镇,行政村,姓名,证件号码,与户主关系,性别,家庭人口数,贫困户属性,主要致贫原因,脱贫状态,脱贫年度,劳动能力,在校生状况",
                "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,缺技术,未脱贫,,普通劳动力,非在校生",
                "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,,普通劳动力,非在校生",
                "3101000001,玉泉镇,李家庄,张小明," + ZHANG_XIAOMING + ",之子,男,,,,,,,小学",
                "3101000002,玉泉镇,鲍家屯,王强," + WANG_QIANG + ",户主,男,4,一般贫困户,缺技术,未脱贫,,技能劳动力,非在校生",
                "3101000002,玉泉镇,鲍家屯,王小红," + WANG_XIAOHONG + ",之女,女,,,,,,,",
                "3101000002,玉泉镇,鲍家屯,王小丽," + WANG_XIAOLI + ",之女,女,,,,,,,小学",
                "3101000002,玉泉镇,鲍家屯,王大宝," + WANG_DABAO + ",之子,男,,,,,,普通劳动力,非在校生",
                "3101000003,玉泉镇,石家庄,赵六," + ZHAO_LIU + ",户主,男,1,一般贫困户,缺资金,未脱贫,,普通劳动力,非在校生",
                "3101000004,玉泉镇,李家庄,孙强," + SUN_QIANG + ",户主,男,1,一般贫困户,缺资金,未脱贫,,普通劳动力,非在校生",
                "3101000005,玉泉镇,鲍家屯,周大," + ZHOU_DA + ",户主,男,2,低保贫困户,因病,未脱贫,,弱劳动力,非在校生",
                "3101000005,玉泉镇,鲍家屯,吴二," + WU_ER + ",配偶,女,,,,,,丧失劳动力,非在校生",
                "3101000006,玉泉镇,李家庄,郑一," + ZHENG_YI + ",户主,男,2,低保贫困户,因病,未脱贫,,弱劳动力,非在校生",
                "3101000006,玉泉镇,李家庄,郑二," + ZHENG_ER + ",配偶,女,,,,,,丧失劳动力,非在校生");
    }

    private Path educationSpring() {
        return csv(
                "2019年春季学期资助名册.csv",
                EDUCATION,
                "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,营养改善计划,2019年春季,500,2019-04-10",
                "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,寄宿生生活补助,2019年秋季,625,2019-09-20",
                "刘小红," + LIU_XIAOHONG + ",南河堡乡中心小学,小学,营养改善计划,2019年春季,600,2019-04-10");
    }

    /** The school's correction of 张小明's nutrition, another school paying his boarding allowance again, 雨露计划. */
    private Path educationAutumn() {
        return csv(
                "2019年秋季学期资助名册.csv",
                EDUCATION,
                "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,营养改善计划,2019年春季,600,2019-04-10",
                "张小明," + ZHANG_XIAOMING + ",天镇县第二中学,初中,寄宿生生活补助,2019年秋季,625,2019-09-25",
                "钱小燕," + QIAN_XIAOYAN + ",山西大学,本科,雨露计划,2019年秋季,5000,2019-10-08");
    }

    private Path medical() {
        return csv(
                "2019年住院结算明细.csv",
                MEDICAL,
                "JS-1,周大," + ZHOU_DA + ",玉泉镇卫生院,乡镇卫生院,2019-03-01,2019-03-05,3000,2400,600",
                "JS-2,周大," + ZHOU_DA + ",天镇县人民医院,县级,2019-06-01,2019-06-10,5000,4500,500",
                "JS-3,周大," + ZHOU_DA + ",大同市第三人民医院,市级,2019-08-01,2019-08-15,12000,8500,3500",
                "JS-4,吴二," + WU_ER + ",山西医科大学第一医院,省级,2019-09-01,2019-09-20,30000,23500,6500",
                "JS-5,吴二," + WU_ER + ",北京协和医院,省外,2019-11-20,2019-11-30,50000,30000,20000",
                "JS-6,郑一," + ZHENG_YI + ",北京协和医院,省外,2019-05-10,2019-05-20,20000,12000,8000",
                "JS-7,郑二," + ZHENG_ER + ",北京协和医院,省外,2018-10-01,2018-10-10,10000,5000,5000");
    }

    /** 周大's city stay re-settled: 2,500 instead of 3,500 yuan self-paid, under the city cap. */
    private Path medicalCorrected() {
        return csv(
                "2019年住院结算明细（更正）.csv",
                MEDICAL,
                "JS-3,周大," + ZHOU_DA + ",大同市第三人民医院,市级,2019-08-01,2019-08-15,12000,9500,2500");
    }

    private Path ledger() {
        return csv(
                "2019年6月扶贫小额信贷台账.csv",
                "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,期限（月）,年利率,贷款余额,还款状态,统计日期",
                "孙强," + SUN_QIANG + ",天镇农商银行,HT-1,50000,2018-03-15,2021-03-14,36,4.35%,50000,正常,2019-06-30",
                "孙强," + SUN_QIANG + ",天镇农商银行,HT-2,60000,2018-04-01,2021-03-31,36,4.35%,60000,正常,2019-06-30",
                "孙强," + SUN_QIANG + ",邮储银行,HT-3,40000,2018-05-01,2022-04-30,48,4.35%,40000,正常,2019-06-30",
                "钱七," + QIAN_QI + ",邮储银行,HT-4,20000,2018-06-01,2021-05-31,36,4.35%,20000,正常,2019-06-30");
    }

    private Path trainees() {
        return csv(
                "2019年技能培训花名册.csv",
                "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业",
                "王强," + WANG_QIANG + ",家政服务员,方源职业培训学校,2019-04-01,2019-04-30,120,是",
                "冯十七," + FENG_SHIQI + ",保安员,阳光职业培训学校,2019-04-01,2019-04-30,80,是",
                "郑一," + ZHENG_YI + ",养殖技术,博宇职业培训学校,2019-09-01,2019-09-30,80,是",
                "赵六," + ZHAO_LIU + ",种植技术,博宇职业培训学校,2019-04-01,2019-04-30,80,是");
    }

    private Path csv(String fileName, String header, String... lines) {
        return csv(dir, fileName, header, lines);
    }

    /** A UTF-8 csv of the header and the lines, as a clerk's export writes it. */
    static Path csv(Path dir, String fileName, String header, String... lines) {
        Path file = dir.resolve(fileName);
        try {
            Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
