package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;

/**
 * The plan target block of June 2019 over the published copy of {@link BlockCounty}: 3 persons trained (one in May,
 * two in June) of 1,000, and 16 万元 of microloans issued (5, 3, 6 and 2 from March to June) of 15,000. Expected
 * values by hand.
 */
class PlanTargetBlockTest extends PublishedCounty {

    private static final String TRAINING = "免费培训：计划培训人数（人）";
    private static final String MICROLOAN = "扶贫小额信贷：完成省办下达任务（万元）";
    private static final String PLAN = "天镇县攻克深度贫困脱贫攻坚指标（2018-2020）";
    private static final String NOTE = "完成进度 = 年初至今完成 ÷ 年度目标 × 100；培训按人计，每人每年计一次；小额信贷按发放月份及各笔贷款最新台账所载金额计";

    @Test
    void eachTargetIsNamedAndCitedAsThePlansRowWithItsProgress() throws Exception {
        // when
        Block block = new PlanTargetBlock().build(data, COUNTY, JUNE);

        // then: persons as whole numbers, 万元 as the plan writes them; no target has a june 2018
        String model = "rpt_plan_target_month.";
        assertThat(block.sheet()).isEqualTo("目标进度");
        assertThat(block.title()).isEqualTo("六、规划目标进度");
        assertThat(block.figures())
                .containsExactly(
                        new Figure(TRAINING, Measure.COUNT, 2L, 1L, null, 3L, model + "month_value"),
                        new Figure(
                                TRAINING + " 完成进度（%）",
                                Measure.PERCENT,
                                pct("0.30"),
                                pct("0.10"),
                                null,
                                null,
                                model + "progress_pct"),
                        new Figure(
                                MICROLOAN,
                                Measure.WAN_YUAN,
                                wan("2"),
                                wan("6"),
                                null,
                                wan("16"),
                                model + "month_value"),
                        new Figure(
                                MICROLOAN + " 完成进度（%）",
                                Measure.PERCENT,
                                pct("0.11"),
                                pct("0.09"),
                                null,
                                null,
                                model + "progress_pct"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("规划目标完成进度（人）", "规划目标完成进度（万元）", "近12个月完成进度");
        assertThat(block.tables().get(0).columns())
                .containsExactly(
                        new Column("指标", Measure.TEXT),
                        new Column("规划出处", Measure.TEXT),
                        new Column("年度目标", Measure.COUNT),
                        new Column("当月完成", Measure.COUNT),
                        new Column("年初至今完成", Measure.COUNT),
                        new Column("完成进度（%）", Measure.PERCENT));
        assertThat(block.tables().get(0).rows())
                .containsExactly(row(TRAINING, PLAN + "序号36", 1000L, 2L, 3L, pct("0.30")));
        assertThat(block.tables().get(1).columns().get(2)).isEqualTo(new Column("年度目标", Measure.WAN_YUAN));
        assertThat(block.tables().get(1).rows())
                .containsExactly(row(MICROLOAN, PLAN + "序号37", pct("15000.00"), wan("2"), wan("16"), pct("0.11")));
        assertThat(block.tables().get(0).note()).isEqualTo(NOTE);
        Table trend = block.tables().get(2);
        assertThat(trend.columns())
                .extracting(Column::label)
                .containsExactly("月份", TRAINING + " 完成进度（%）", MICROLOAN + " 完成进度（%）");
        assertThat(trend.rows().subList(0, 8)).allMatch(r -> r.get(1) == null && r.get(2) == null);
        assertThat(trend.rows().subList(8, 12))
                .containsExactly(
                        row("2019-03", null, pct("0.03")),
                        row("2019-04", null, pct("0.05")),
                        row("2019-05", pct("0.10"), pct("0.09")),
                        row("2019-06", pct("0.30"), pct("0.11")));
        assertThat(block.charts())
                .containsExactly(new Chart(ChartKind.TREND_LINE, "规划目标完成进度走势（%）", 2, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipSeesTheCountysProgressAndIsToldSo() throws Exception {
        // when
        Block block = new PlanTargetBlock().build(data, new ReportUnit(1, "玉泉镇"), JUNE);

        // then
        assertThat(block.figures()).hasSize(4);
        assertThat(block.tables().get(0).rows())
                .containsExactly(row(TRAINING, PLAN + "序号36", 1000L, 2L, 3L, pct("0.30")));
        assertThat(block.tables().get(0).note()).isEqualTo("县规划仅设全县目标，本表为全县完成情况；" + NOTE);
    }

    @Test
    void aMonthBeforeAnyFigureSaysNoTargetCanBeMeasured() throws Exception {
        // when: january 2019, before the first loan and the first course of the year
        Block block = new PlanTargetBlock().build(data, COUNTY, YearMonth.of(2019, 1));

        // then: the table says so instead of leaving the sheet empty
        assertThat(block.figures()).isEmpty();
        assertThat(block.tables()).hasSize(1);
        assertThat(block.tables().get(0).rows()).isEmpty();
        assertThat(block.tables().get(0).note()).isEqualTo("本月尚无可测算规划目标完成情况的数据");
        assertThat(block.charts()).isEmpty();
    }

    private static BigDecimal wan(String value) {
        return new BigDecimal(value).setScale(4);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
