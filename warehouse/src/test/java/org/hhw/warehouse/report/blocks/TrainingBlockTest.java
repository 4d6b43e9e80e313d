package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * The training block of June 2019 over the published copy of {@link BlockCounty}: 李秀英 (玉泉镇) in May, 陈兰 (米薪关镇,
 * employed after) and 孙强 (not in the registry, not completed) in June. Expected values by hand.
 */
class TrainingBlockTest extends PublishedCounty {

    private static final String MODEL = "rpt_training_month.";

    @Test
    void theCountyHasItsFiguresTheTargetTheTownshipsAndTheTrend() throws Exception {
        // when
        Block block = new TrainingBlock().build(data, COUNTY, JUNE);

        // then: 3 of the 1,000 persons the plan sets for 2019; the target a whole number of persons
        assertThat(block.sheet()).isEqualTo("培训");
        assertThat(block.title()).isEqualTo("五、技能培训");
        assertThat(block.figures())
                .containsExactly(
                        new Figure("参训人数", Measure.COUNT, 2L, 1L, null, 3L, MODEL + "trainees"),
                        new Figure("年初至今结业人数", Measure.COUNT, 2L, 1L, null, null, MODEL + "ytd_completed"),
                        new Figure("年初至今培训后就业人数", Measure.COUNT, 1L, 0L, null, null, MODEL + "ytd_employed"),
                        new Figure("年度培训目标（人）", Measure.COUNT, 1000L, 1000L, null, null, MODEL + "target_trainees"),
                        new Figure(
                                "年度目标完成进度（%）",
                                Measure.PERCENT, pct("0.30"), pct("0.10"), null, null, MODEL + "progress_pct"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("各乡镇培训情况", "近12个月走势");
        assertThat(block.tables().get(0).columns())
                .extracting(Column::label)
                .containsExactly("乡镇", "当月参训人数", "年初至今参训人数", "其中结业", "其中培训后就业", "其中建档立卡人员");
        List<List<Object>> townships = block.tables().get(0).rows();
        assertThat(townships).hasSize(12);
        assertThat(townships.get(0)).isEqualTo(row("玉泉镇", 0L, 1L, 1L, 0L, 1L));
        assertThat(townships.get(2)).isEqualTo(row("米薪关镇", 1L, 1L, 1L, 1L, 1L));
        assertThat(townships.get(11)).isEqualTo(row("未归属乡镇", 1L, 1L, 0L, 0L, 0L));
        List<List<Object>> others = new ArrayList<>(townships.subList(3, 11));
        others.add(townships.get(1));
        assertThat(others).allMatch(r -> r.subList(1, 6).equals(List.of(0L, 0L, 0L, 0L, 0L)));
        List<List<Object>> trend = block.tables().get(1).rows();
        assertThat(trend).extracting(r -> r.get(0)).startsWith("2018-07").endsWith("2019-06");
        assertThat(trend.subList(0, 10)).allMatch(r -> r.get(1) == null && r.get(2) == null);
        assertThat(trend.subList(10, 12)).containsExactly(row("2019-05", 1L, 1L), row("2019-06", 2L, 3L));
        assertThat(block.charts()).containsExactly(new Chart(ChartKind.TREND_LINE, "参训人数走势（人）", 1, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipHasItsOwnFiguresAndTrendAndNoTarget() throws Exception {
        // when
        Block block = new TrainingBlock().build(data, new ReportUnit(3, "米薪关镇"), JUNE);

        // then
        assertThat(block.figures())
                .containsExactly(
                        new Figure("参训人数", Measure.COUNT, 1L, 0L, null, 1L, MODEL + "trainees"),
                        new Figure("年初至今结业人数", Measure.COUNT, 1L, 0L, null, null, MODEL + "ytd_completed"),
                        new Figure("年初至今培训后就业人数", Measure.COUNT, 1L, 0L, null, null, MODEL + "ytd_employed"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("近12个月走势");
        assertThat(block.tables().get(0).rows().subList(10, 12))
                .containsExactly(row("2019-05", 0L, 0L), row("2019-06", 1L, 1L));
        assertThat(block.charts()).extracting(Chart::table).containsExactly(0);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
