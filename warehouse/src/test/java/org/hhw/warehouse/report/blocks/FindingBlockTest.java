package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.warehouse.report.blocks.TrendRows.gap;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;

/** The findings block of {@link org.hhw.warehouse.ReportCounty}'s reports for august 2019; expected values by hand. */
class FindingBlockTest extends CountyCopyTest {

    private static final YearMonth AUGUST = YearMonth.of(2019, 8);

    @Test
    void theCountyHasItsFiguresItsRulesItsTownshipsRankedAndItsTrend() throws SQLException {
        // when
        Block block = new FindingBlock().build(data, county(), AUGUST);

        // then: NS003 is new in august; june found three, july none; no month a year before
        assertThat(block.sheet()).isEqualTo("问题线索");
        assertThat(block.figures())
                .containsExactly(
                        new Figure("本月新发现问题线索", Measure.COUNT, 1L, 0L, null, 4L, "rpt_finding_month.new_findings"),
                        new Figure("月末在册问题线索", Measure.COUNT, 4L, 3L, null, null, "rpt_finding_month.standing"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("按规则", "各乡镇问题线索", "近12个月走势");
        Table rules = block.tables().get(0);
        assertThat(rules.columns())
                .extracting(Column::label)
                .containsExactly("规则", "严重程度", "本月新发现", "上月新发现", "月末在册", "年初至今新发现");
        assertThat(rules.rows())
                .containsExactly(
                        List.of("扶贫小额信贷金额超过上限", "中", 1L, 0L, 2L, 2L),
                        List.of("建档立卡专项资金发放给非建档立卡人员", "高", 0L, 0L, 1L, 1L),
                        List.of("缺资金户从未获得扶贫小额信贷", "低", 0L, 0L, 1L, 1L));
        List<List<Object>> townships = block.tables().get(1).rows();
        assertThat(townships).hasSize(12);
        assertThat(townships.get(0)).containsExactly("玉泉镇", 1L, 0L, 3L);
        assertThat(townships.get(1)).containsExactly("谷前堡镇", 0L, 0L, 0L);
        assertThat(townships.get(11)).containsExactly("未归属乡镇", 0L, 0L, 1L);
        // the first findings are found in june 2019: the nine months before are gaps
        assertThat(block.tables().get(2).rows())
                .containsExactly(
                        gap("2018-09", 2),
                        gap("2018-10", 2),
                        gap("2018-11", 2),
                        gap("2018-12", 2),
                        gap("2019-01", 2),
                        gap("2019-02", 2),
                        gap("2019-03", 2),
                        gap("2019-04", 2),
                        gap("2019-05", 2),
                        List.of("2019-06", 3L, 3L),
                        List.of("2019-07", 0L, 3L),
                        List.of("2019-08", 1L, 4L));
        assertThat(block.charts())
                .containsExactly(
                        new Chart(ChartKind.RANKING_BARS, "各乡镇本月新发现问题线索", 1, 0, List.of(1, 2)),
                        new Chart(ChartKind.TREND_LINE, "问题线索走势", 2, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipHasItsOwnRulesAndTrendAndNoRanking() throws SQLException {
        // when
        Block block = new FindingBlock().build(data, township("玉泉镇"), AUGUST);

        // then: 孙强's loan is no finding of 玉泉镇
        assertThat(block.figures())
                .extracting(Figure::month, Figure::previousMonth, Figure::yearToDate)
                .containsExactly(tuple(1L, 0L, 3L), tuple(3L, 2L, null));
        assertThat(block.tables()).extracting(Table::title).containsExactly("按规则", "近12个月走势");
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        List.of("扶贫小额信贷金额超过上限", "中", 1L, 0L, 2L, 2L),
                        List.of("建档立卡专项资金发放给非建档立卡人员", "高", 0L, 0L, 0L, 0L),
                        List.of("缺资金户从未获得扶贫小额信贷", "低", 0L, 0L, 1L, 1L));
        assertThat(block.charts()).extracting(Chart::kind).containsExactly(ChartKind.TREND_LINE);
    }

    @Test
    void aMonthBeforeTheFirstFindingHasNoFigureRatherThanZero() throws SQLException {
        // when
        Block block = new FindingBlock().build(data, county(), YearMonth.of(2019, 5));

        // then: no rules, no townships, and a trend of twelve gaps
        assertThat(block.figures().get(0))
                .isEqualTo(new Figure(
                        "本月新发现问题线索", Measure.COUNT, null, null, null, null, "rpt_finding_month.new_findings"));
        assertThat(block.tables().get(0).rows()).isEmpty();
        assertThat(block.tables().get(1).rows()).isEmpty();
        assertThat(block.tables().get(2).rows())
                .containsExactly(
                        gap("2018-06", 2),
                        gap("2018-07", 2),
                        gap("2018-08", 2),
                        gap("2018-09", 2),
                        gap("2018-10", 2),
                        gap("2018-11", 2),
                        gap("2018-12", 2),
                        gap("2019-01", 2),
                        gap("2019-02", 2),
                        gap("2019-03", 2),
                        gap("2019-04", 2),
                        gap("2019-05", 2));
    }
}
