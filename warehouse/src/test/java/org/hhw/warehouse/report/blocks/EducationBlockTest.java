package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.warehouse.report.blocks.RegistryEducationBlocks.row;
import static org.hhw.warehouse.report.blocks.TrendRows.gap;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The education block of April 2019 on the published small county: 张小明 paid by two programmes in 玉泉镇, 钱小燕 (not
 * in the registry) by 雨露计划, after 刘小红 in march; 王小丽 has no aid in 2019 (EDU_GAP). Expected values by hand.
 */
class EducationBlockTest {

    private static final YearMonth APRIL = YearMonth.of(2019, 4);

    @TempDir
    static Path dir;

    private static RegistryEducationBlocks county;

    @BeforeAll
    static void publish() throws SQLException {
        county = new RegistryEducationBlocks(dir);
    }

    @AfterAll
    static void close() throws SQLException {
        county.close();
    }

    @Test
    void theCountysBlockHasItsFiguresTheProgrammesTheTownshipsAndTheTrend() throws SQLException {
        // when
        Block block = new EducationBlock().build(county.data, county.county, APRIL);

        // then: march beside april; no april 2018 (the rosters start in november 2018); 张小明 is one student of two
        // programmes
        assertThat(block.sheet()).isEqualTo("教育");
        assertThat(block.title()).isEqualTo("二、义务教育有保障");
        assertThat(block.figures())
                .containsExactly(
                        new Figure("当月受助学生人数", Measure.COUNT, 2L, 1L, null, 3L, "rpt_education_month.recipients"),
                        new Figure(
                                "当月资助金额（元）",
                                Measure.YUAN,
                                yuan("4125"),
                                yuan("600"),
                                null,
                                yuan("4725"),
                                "rpt_education_month.yuan"),
                        new Figure(
                                "当年义务教育适龄儿童无资助人数",
                                Measure.COUNT,
                                1L,
                                1L,
                                null,
                                null,
                                "rpt_education_month.edu_gap_children"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("分项目资助情况", "各乡镇教育资助情况", "近12个月走势");
        assertThat(block.tables().get(0).columns())
                .containsExactly(
                        new Column("资助项目", Measure.TEXT),
                        new Column("当月受助人数", Measure.COUNT),
                        new Column("当月资助金额（元）", Measure.YUAN),
                        new Column("年初至今受助人数", Measure.COUNT),
                        new Column("年初至今资助金额（元）", Measure.YUAN));
        // the programmes paid this year, the largest first, then all of them
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row("雨露计划", 1L, yuan("3000"), 1L, yuan("3000")),
                        row("营养改善计划", 1L, yuan("500"), 2L, yuan("1100")),
                        row("寄宿生生活补助", 1L, yuan("625"), 1L, yuan("625")),
                        row("合计", 2L, yuan("4125"), 3L, yuan("4725")));
        assertThat(block.tables().get(1).rows())
                .containsExactlyElementsOf(county.townshipRows(
                        row(1L, yuan("3000"), 1L, yuan("3000"), 0L),
                        Map.of(
                                "玉泉镇", row(1L, yuan("1125"), 1L, yuan("1125"), 1L),
                                "米薪关镇", row(0L, yuan("0"), 1L, yuan("600"), 0L)),
                        row(0L, yuan("0"), 0L, yuan("0"), 0L)));
        // the twelve months to april: a year's figures run from its first payment (november 2018, march 2019), so the
        // months before november and january and february 2019 are gaps, not zeros
        assertThat(block.tables().get(2).rows())
                .containsExactly(
                        gap("2018-05", 3),
                        gap("2018-06", 3),
                        gap("2018-07", 3),
                        gap("2018-08", 3),
                        gap("2018-09", 3),
                        gap("2018-10", 3),
                        row("2018-11", 1L, 1L, yuan("500")),
                        row("2018-12", 0L, 1L, yuan("0")),
                        gap("2019-01", 3),
                        gap("2019-02", 3),
                        row("2019-03", 1L, 1L, yuan("600")),
                        row("2019-04", 2L, 3L, yuan("4125")));
        assertThat(block.charts()).containsExactly(new Chart(ChartKind.TREND_LINE, "近12个月受助学生人数", 2, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipsBlockHasItsOwnProgrammesAndNoTownshipsTable() throws SQLException {
        // when
        Block block = new EducationBlock().build(county.data, county.yuquan, APRIL);

        // then: 王小丽 is 玉泉镇's child without aid in 2019
        assertThat(block.figures())
                .extracting(Figure::month, Figure::previousMonth, Figure::yearAgo, Figure::yearToDate)
                .containsExactly(
                        tuple(1L, 0L, null, 1L),
                        tuple(yuan("1125"), yuan("0"), null, yuan("1125")),
                        tuple(1L, 1L, null, null));
        assertThat(block.tables()).extracting(Table::title).containsExactly("分项目资助情况", "近12个月走势");
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row("寄宿生生活补助", 1L, yuan("625"), 1L, yuan("625")),
                        row("营养改善计划", 1L, yuan("500"), 1L, yuan("500")),
                        row("合计", 1L, yuan("1125"), 1L, yuan("1125")));
        assertThat(block.tables().get(1).rows())
                .containsExactly(
                        gap("2018-05", 3),
                        gap("2018-06", 3),
                        gap("2018-07", 3),
                        gap("2018-08", 3),
                        gap("2018-09", 3),
                        gap("2018-10", 3),
                        row("2018-11", 1L, 1L, yuan("500")),
                        row("2018-12", 0L, 1L, yuan("0")),
                        gap("2019-01", 3),
                        gap("2019-02", 3),
                        row("2019-03", 0L, 0L, yuan("0")),
                        row("2019-04", 1L, 1L, yuan("1125")));
        assertThat(block.charts()).containsExactly(new Chart(ChartKind.TREND_LINE, "近12个月受助学生人数", 1, 0, List.of(1, 2)));
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
