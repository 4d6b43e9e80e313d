package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.SUN_QIANG;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training report over a small county: 玉泉镇 and 米薪关镇 registered in 2018, one roster with 王桂兰 in november
 * 2018, and in 2019 李秀英 on two courses (june, august), 孙强 (not in the registry) in june, 张建国 and 陈兰 in august;
 * no course starts in july 2019. Expected values by hand.
 */
class TrainingReportTest {

    private static final BigDecimal TARGET = new BigDecimal("1000.00");

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2018, 1, 5, 9, 0));
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2018, 1, 6, 9, 0));
        loads.load(
                "training",
                MartFindingTest.csv(
                        dir,
                        "2018-2019年培训花名册.csv",
                        "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额",
                        "王桂兰," + WANG_GUILAN + ",家政服务员,方源职业培训学校,2018-11-05,2018-11-15,80,是,否,1200",
                        "李秀英," + LI_XIUYING + ",家政服务员,方源职业培训学校,2019-06-01,2019-06-10,80,是,否,1200",
                        "孙强," + SUN_QIANG + ",育婴员,方源职业培训学校,2019-06-15,2019-06-25,60,是,否,800",
                        "李秀英," + LI_XIUYING + ",养老护理员,方源职业培训学校,2019-08-10,2019-08-20,80,是,是,1200",
                        "张建国," + ZHANG_JIANGUO + ",养殖技术,阳光职业培训学校,2019-08-10,2019-08-20,60,否,否,800",
                        "陈兰," + CHEN_LAN + ",电子商务,博宇职业培训学校,2019-08-25,2019-08-30,40,是,是,600"),
                LocalDateTime.of(2019, 9, 1, 9, 0));
        loads.warehouse().buildMarts();
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void theCountyHasTheTargetAndEachPersonOnceAYear() {
        // when
        List<List<Object>> county = loads.rows("""
                select year_month, township, trainees, ytd_trainees, ytd_completed, ytd_employed, ytd_registered,
                       ytd_not_registered, target_trainees, progress_pct
                from rpt_training_month where unit = 'county' order by year_month""");

        // then: 2018 from november (its first month with a course) to december; 2019 from june to august, the latest
        // month the roster reaches; july has no course but keeps the year to date; 李秀英 counts once in 2019, and as
        // employed from august, after her second course; the year to date starts again in 2019
        assertThat(county)
                .containsExactly(
                        row("2018-11", "全县", 1L, 1L, 1L, 0L, 1L, 0L, TARGET, pct("0.10")),
                        row("2018-12", "全县", 0L, 1L, 1L, 0L, 1L, 0L, TARGET, pct("0.10")),
                        row("2019-06", "全县", 2L, 2L, 2L, 0L, 1L, 1L, TARGET, pct("0.20")),
                        row("2019-07", "全县", 0L, 2L, 2L, 0L, 1L, 1L, TARGET, pct("0.20")),
                        row("2019-08", "全县", 3L, 4L, 3L, 2L, 3L, 1L, TARGET, pct("0.40")));
    }

    @Test
    void eachTownshipHasItsTraineesAndTheOnesTheRegistryDoesNotKnowAreUnplaced() {
        // when
        List<List<Object>> townships = loads.rows("""
                select township, year_month, trainees, ytd_trainees, ytd_completed, ytd_employed, ytd_registered,
                       ytd_not_registered, target_trainees, progress_pct
                from rpt_training_month
                where unit = 'township' and township in ('玉泉镇', '米薪关镇', '未归属乡镇') and year = 2019
                order by township_key, year_month""");

        // then: 孙强 is not in the registry, so in 未归属乡镇; the plan's target is the county's, on no township
        assertThat(townships)
                .containsExactly(
                        row("未归属乡镇", "2019-06", 1L, 1L, 1L, 0L, 0L, 1L, null, null),
                        row("未归属乡镇", "2019-07", 0L, 1L, 1L, 0L, 0L, 1L, null, null),
                        row("未归属乡镇", "2019-08", 0L, 1L, 1L, 0L, 0L, 1L, null, null),
                        row("玉泉镇", "2019-06", 1L, 1L, 1L, 0L, 1L, 0L, null, null),
                        row("玉泉镇", "2019-07", 0L, 1L, 1L, 0L, 1L, 0L, null, null),
                        row("玉泉镇", "2019-08", 2L, 2L, 1L, 1L, 2L, 0L, null, null),
                        row("米薪关镇", "2019-06", 0L, 0L, 0L, 0L, 0L, 0L, null, null),
                        row("米薪关镇", "2019-07", 0L, 0L, 0L, 0L, 0L, 0L, null, null),
                        row("米薪关镇", "2019-08", 1L, 1L, 1L, 1L, 1L, 0L, null, null));
    }

    @Test
    void everyTownshipHasEveryMonthAndTheCountyIsTheSumOfItsTownships() {
        // when: the townships' sums beside the county's figures, month by month
        List<List<Object>> sums = loads.rows("""
                with township_sum as (
                    select year_month, count(*) as units, sum(trainees) as trainees, sum(ytd_trainees) as ytd,
                           sum(ytd_completed) as completed, sum(ytd_employed) as employed,
                           sum(ytd_registered) as registered, sum(ytd_not_registered) as not_registered,
                           count(*) filter (where ytd_trainees = 0) as units_without
                    from rpt_training_month where unit = 'township' group by year_month
                )
                select s.year_month, s.units, s.units_without,
                       s.trainees = c.trainees and s.ytd = c.ytd_trainees and s.completed = c.ytd_completed
                       and s.employed = c.ytd_employed and s.registered = c.ytd_registered
                       and s.not_registered = c.ytd_not_registered
                from township_sum s join rpt_training_month c on c.unit = 'county' and c.year_month = s.year_month
                order by s.year_month""");

        // then: the 11 townships and 未归属乡镇 each month, most without a trainee
        assertThat(sums)
                .containsExactly(
                        row("2018-11", 12L, 11L, true),
                        row("2018-12", 12L, 11L, true),
                        row("2019-06", 12L, 10L, true),
                        row("2019-07", 12L, 10L, true),
                        row("2019-08", 12L, 9L, true));
    }

    @Test
    void theReportAndTheModelsItReadsPassTheirDataTests() {
        // when: the generic tests of rpt_training_month's YAML run with every other data test
        List<String> failing = loads.warehouse().runDataTests().stream()
                .map(DataTestFailure::test)
                .toList();

        // then
        assertThat(failing).isEmpty();
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
