package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
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
 * The microloan block of June 2019 over the published copy of {@link BlockCounty}: at the end of June the commercial
 * bank's ledger of 31 May (张建国 40,000, 刘福 30,000 overdue, 王桂兰 60,000 over the limit) and the postal bank's of
 * 30 June (陈兰 20,000 overdue). Expected values by hand.
 */
class MicroloanBlockTest extends PublishedCounty {

    private static final String MODEL = "rpt_microloan_month.";

    @Test
    void theCountyHasItsFiguresTheTargetTheRankingAndTheTrend() throws Exception {
        // when
        Block block = new MicroloanBlock().build(data, COUNTY, JUNE);

        // then: may knew the commercial bank's ledger only; 16 万元 issued this year of the 15,000 万元 task
        assertThat(block.sheet()).isEqualTo("小额信贷");
        assertThat(block.title()).isEqualTo("四、扶贫小额信贷");
        assertThat(block.figures())
                .containsExactly(
                        new Figure(
                                "月末贷款余额（万元）",
                                Measure.WAN_YUAN,
                                wan("15"),
                                wan("13"),
                                null,
                                null,
                                MODEL + "outstanding_wan_yuan"),
                        new Figure(
                                "月末逾期金额（万元）",
                                Measure.WAN_YUAN,
                                wan("5"),
                                wan("3"),
                                null,
                                null,
                                MODEL + "overdue_wan_yuan"),
                        new Figure(
                                "逾期率（%）",
                                Measure.PERCENT, pct("33.33"), pct("23.08"), null, null, MODEL + "overdue_rate_pct"),
                        new Figure(
                                "当月发放金额（万元）",
                                Measure.WAN_YUAN,
                                wan("2"),
                                wan("6"),
                                null,
                                wan("16"),
                                MODEL + "issued_wan_yuan"),
                        new Figure("当月发放笔数", Measure.COUNT, 1L, 1L, null, 4L, MODEL + "loans_issued"),
                        new Figure("超限额贷款笔数", Measure.COUNT, 0L, 1L, null, 1L, MODEL + "loans_over_limit"),
                        new Figure(
                                "年度发放目标（万元）",
                                Measure.WAN_YUAN,
                                pct("15000"),
                                pct("15000"),
                                null,
                                null,
                                MODEL + "target_wan_yuan"),
                        new Figure(
                                "年度目标完成进度（%）",
                                Measure.PERCENT, pct("0.11"), pct("0.09"), null, null, MODEL + "target_progress_pct"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("各乡镇逾期率排名", "近12个月走势");
        assertThat(block.tables().get(0).columns())
                .extracting(Column::label)
                .containsExactly("排名", "乡镇", "月末贷款余额（万元）", "月末逾期金额（万元）", "逾期率（%）", "年初至今发放（万元）", "年初至今超限额贷款笔数");
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row(1L, "米薪关镇", wan("5"), wan("5"), pct("100"), wan("5"), 0L),
                        row(2L, "玉泉镇", wan("10"), wan("0"), pct("0"), wan("11"), 1L));
        List<List<Object>> trend = block.tables().get(1).rows();
        assertThat(trend).hasSize(12);
        assertThat(trend.subList(0, 8)).allMatch(r -> r.subList(1, 5).stream().allMatch(v -> v == null));
        assertThat(trend.subList(8, 12))
                .containsExactly(
                        row("2019-03", null, null, null, wan("5")),
                        row("2019-04", null, null, null, wan("3")),
                        row("2019-05", wan("13"), wan("3"), pct("23.08"), wan("6")),
                        row("2019-06", wan("15"), wan("5"), pct("33.33"), wan("2")));
        assertThat(block.charts())
                .containsExactly(
                        new Chart(ChartKind.RANKING_BARS, "各乡镇逾期率（%）", 0, 1, List.of(4)),
                        new Chart(ChartKind.TREND_LINE, "贷款余额与逾期金额走势（万元）", 1, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipHasItsOwnFiguresNoTargetAndTheSameRanking() throws Exception {
        // when
        Block block = new MicroloanBlock().build(data, new ReportUnit(1, "玉泉镇"), JUNE);

        // then: the plan sets no township task
        assertThat(block.figures())
                .extracting(Figure::label, Figure::month, Figure::yearToDate)
                .containsExactly(
                        tuple("月末贷款余额（万元）", wan("10"), null),
                        tuple("月末逾期金额（万元）", wan("0"), null),
                        tuple("逾期率（%）", pct("0"), null),
                        tuple("当月发放金额（万元）", wan("0"), wan("11")),
                        tuple("当月发放笔数", 0L, 2L),
                        tuple("超限额贷款笔数", 0L, 1L));
        assertThat(block.tables().get(0).rows()).extracting(r -> r.get(1)).containsExactly("米薪关镇", "玉泉镇");
        assertThat(block.tables().get(1).rows().get(11))
                .isEqualTo(row("2019-06", wan("10"), wan("0"), pct("0"), wan("0")));
    }

    private static BigDecimal wan(String value) {
        return new BigDecimal(value).setScale(6);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
