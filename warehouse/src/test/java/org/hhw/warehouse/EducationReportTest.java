package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly education report over the small county of {@link RegistryEducationCounty}; expected values by hand. */
class EducationReportTest {

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() {
        loads = RegistryEducationCounty.load(dir);
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void everyProgrammeTogetherByUnitAndMonthWithTheYearsEduGap() {
        // when
        List<List<Object>> all = loads.rows("""
                select township, year_month, programme_zh, recipients, yuan, ytd_recipients, ytd_yuan, edu_gap_children
                from rpt_education_month
                where programme = 'all' and township in ('全县', '玉泉镇', '米薪关镇', '未归属乡镇')
                order by year_month, unit, township_key""");

        // then: 2018 from november (its first payment) to december; 2019 from march to april, the latest payment; 张小明
        // paid by two programmes in april is one student; 刘小红 had no aid in 2018 and 王小丽 none in 2019 (EDU_GAP);
        // 钱小燕 is not in the registry, so in 未归属乡镇; the year to date starts again in 2019
        assertThat(all)
                .containsExactly(
                        row("全县", "2018-11", "合计", 1, yuan("500"), 1, yuan("500"), 1),
                        row("未归属乡镇", "2018-11", "合计", 0, yuan("0"), 0, yuan("0"), 0),
                        row("玉泉镇", "2018-11", "合计", 1, yuan("500"), 1, yuan("500"), 0),
                        row("米薪关镇", "2018-11", "合计", 0, yuan("0"), 0, yuan("0"), 1),
                        row("全县", "2018-12", "合计", 0, yuan("0"), 1, yuan("500"), 1),
                        row("未归属乡镇", "2018-12", "合计", 0, yuan("0"), 0, yuan("0"), 0),
                        row("玉泉镇", "2018-12", "合计", 0, yuan("0"), 1, yuan("500"), 0),
                        row("米薪关镇", "2018-12", "合计", 0, yuan("0"), 0, yuan("0"), 1),
                        row("全县", "2019-03", "合计", 1, yuan("600"), 1, yuan("600"), 1),
                        row("未归属乡镇", "2019-03", "合计", 0, yuan("0"), 0, yuan("0"), 0),
                        row("玉泉镇", "2019-03", "合计", 0, yuan("0"), 0, yuan("0"), 1),
                        row("米薪关镇", "2019-03", "合计", 1, yuan("600"), 1, yuan("600"), 0),
                        row("全县", "2019-04", "合计", 2, yuan("4125"), 3, yuan("4725"), 1),
                        row("未归属乡镇", "2019-04", "合计", 1, yuan("3000"), 1, yuan("3000"), 0),
                        row("玉泉镇", "2019-04", "合计", 1, yuan("1125"), 1, yuan("1125"), 1),
                        row("米薪关镇", "2019-04", "合计", 0, yuan("0"), 1, yuan("600"), 0));
    }

    @Test
    void eachProgrammeHasItsRecipientsAndNoEduGap() {
        // when: the programme rows with a payment in the year to date
        List<List<Object>> programmes = loads.rows("""
                select township, year_month, programme, programme_zh, recipients, yuan, ytd_recipients, ytd_yuan,
                       edu_gap_children
                from rpt_education_month
                where programme <> 'all' and ytd_recipients > 0
                order by year_month, unit, township_key, programme""");

        // then
        assertThat(programmes)
                .containsExactly(
                        row("全县", "2018-11", "nutrition", "营养改善计划", 1, yuan("500"), 1, yuan("500"), null),
                        row("玉泉镇", "2018-11", "nutrition", "营养改善计划", 1, yuan("500"), 1, yuan("500"), null),
                        row("全县", "2018-12", "nutrition", "营养改善计划", 0, yuan("0"), 1, yuan("500"), null),
                        row("玉泉镇", "2018-12", "nutrition", "营养改善计划", 0, yuan("0"), 1, yuan("500"), null),
                        row("全县", "2019-03", "nutrition", "营养改善计划", 1, yuan("600"), 1, yuan("600"), null),
                        row("米薪关镇", "2019-03", "nutrition", "营养改善计划", 1, yuan("600"), 1, yuan("600"), null),
                        row("全县", "2019-04", "boarding_allowance", "寄宿生生活补助", 1, yuan("625"), 1, yuan("625"), null),
                        row("全县", "2019-04", "nutrition", "营养改善计划", 1, yuan("500"), 2, yuan("1100"), null),
                        row("全县", "2019-04", "yulu_plan", "雨露计划", 1, yuan("3000"), 1, yuan("3000"), null),
                        row("未归属乡镇", "2019-04", "yulu_plan", "雨露计划", 1, yuan("3000"), 1, yuan("3000"), null),
                        row("玉泉镇", "2019-04", "boarding_allowance", "寄宿生生活补助", 1, yuan("625"), 1, yuan("625"), null),
                        row("玉泉镇", "2019-04", "nutrition", "营养改善计划", 1, yuan("500"), 1, yuan("500"), null),
                        row("米薪关镇", "2019-04", "nutrition", "营养改善计划", 0, yuan("0"), 1, yuan("600"), null));
    }

    @Test
    void everyUnitHasEveryProgrammeEveryMonth() {
        // when
        List<List<Object>> months = loads.rows("""
                select year_month, count(*), count(distinct programme), count(distinct township),
                       count(*) filter (where ytd_recipients = 0 and coalesce(edu_gap_children, 0) = 0)
                from rpt_education_month group by year_month order by year_month""");

        // then: 13 units (the county, eleven townships, 未归属乡镇) × 9 programmes (eight and all), all zeros but the
        // rows above (four with a year to date and one EDU_GAP without, then eleven in april)
        assertThat(months)
                .containsExactly(
                        row("2018-11", 117L, 9L, 13L, 112L),
                        row("2018-12", 117L, 9L, 13L, 112L),
                        row("2019-03", 117L, 9L, 13L, 112L),
                        row("2019-04", 117L, 9L, 13L, 106L));
    }

    @Test
    void theReportPassesItsDataTests() {
        // when
        List<String> failing = loads.warehouse().runDataTests().stream()
                .map(DataTestFailure::test)
                .toList();

        // then
        assertThat(failing).isEmpty();
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
