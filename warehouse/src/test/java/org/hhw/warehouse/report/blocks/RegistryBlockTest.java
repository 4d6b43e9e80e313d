package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.report.blocks.RegistryEducationBlocks.row;
import static org.hhw.warehouse.report.blocks.TrendRows.gap;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry block of March 2019 on the published small county: 张建国's household of 3 exits, 孙强's household
 * moves to 李家庄, 陈兰 moves from 米薪关镇 to 玉泉镇. Expected values by hand.
 */
class RegistryBlockTest {

    private static final YearMonth MARCH = YearMonth.of(2019, 3);
    private static final String MODEL = "rpt_registry_month.";

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
    void theCountysBlockHasItsFiguresTheTownshipsTableAndTheTrend() throws SQLException {
        // when
        Block block = new RegistryBlock().build(county.data, county.county, MARCH);

        // then: february beside march; no march 2018 (the registry starts in november 2018)
        assertThat(block.sheet()).isEqualTo("建档立卡");
        assertThat(block.title()).isEqualTo("一、建档立卡");
        assertThat(block.figures())
                .containsExactly(
                        figure("月末在册户数", 4L, 4L, null, "households"),
                        figure("月末在册人数", 10L, 10L, null, "persons"),
                        figure("月末未脱贫户数", 2L, 3L, null, "households_not_exited"),
                        figure("月末未脱贫人数", 5L, 7L, null, "persons_not_exited"),
                        figure("当月脱贫户数", 1L, 0L, 1L, "households_exited_month"),
                        figure("当月脱贫人数", 3L, 0L, 3L, "persons_exited_month"),
                        figure("当月新增人数", 0L, 0L, null, "persons_new"),
                        figure("当月减少人数", 0L, 0L, null, "persons_left"));
        assertThat(block.tables())
                .extracting(Table::title)
                .containsExactly("月末在册户数、人数构成", "本月变动", "各乡镇建档立卡情况", "近12个月走势");
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row("一般贫困户", 2L, 5L),
                        row("低保贫困户", 1L, 3L),
                        row("特困供养贫困户", 1L, 2L),
                        row("已脱贫", 2L, 5L),
                        row("未脱贫", 2L, 5L),
                        row("合计", 4L, 10L));
        // 陈兰's move from 米薪关镇 is a move of village for the county
        assertThat(block.tables().get(1).rows())
                .containsExactly(row("新增", 0L, 0L), row("减少", 0L, 0L), row("迁移行政村", 1L, 2L), row("脱贫", 1L, 3L));
        assertThat(block.tables().get(2).columns())
                .extracting(c -> c.label())
                .containsExactly("乡镇", "在册户数", "在册人数", "未脱贫户数", "未脱贫人数", "当月新增人数", "当月减少人数", "当月脱贫户数", "年初至今脱贫户数");
        assertThat(block.tables().get(2).rows())
                .containsExactlyElementsOf(county.townshipRows(
                        zeros(),
                        Map.of(
                                "玉泉镇", row(3L, 8L, 2L, 5L, 1L, 0L, 1L, 1L),
                                "米薪关镇", row(1L, 2L, 0L, 0L, 0L, 1L, 0L, 0L)),
                        zeros()));
        // the registry starts in november 2018: the seven months before are gaps
        assertThat(block.tables().get(3).rows())
                .containsExactly(
                        gap("2018-04", 3),
                        gap("2018-05", 3),
                        gap("2018-06", 3),
                        gap("2018-07", 3),
                        gap("2018-08", 3),
                        gap("2018-09", 3),
                        gap("2018-10", 3),
                        row("2018-11", 10L, 7L, 0L),
                        row("2018-12", 10L, 7L, 0L),
                        row("2019-01", 10L, 7L, 0L),
                        row("2019-02", 10L, 7L, 0L),
                        row("2019-03", 10L, 5L, 3L));
        assertThat(block.charts())
                .containsExactly(new Chart(ChartKind.TREND_LINE, "近12个月在册人数、未脱贫人数", 3, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipsBlockHasItsOwnFiguresAndNoTownshipsTable() throws SQLException {
        // when
        Block block = new RegistryBlock().build(county.data, county.yuquan, MARCH);

        // then: 陈兰 is new to 玉泉镇; 孙强's household (and 孙强) moved village within it
        assertThat(block.figures())
                .containsExactly(
                        figure("月末在册户数", 3L, 3L, null, "households"),
                        figure("月末在册人数", 8L, 7L, null, "persons"),
                        figure("月末未脱贫户数", 2L, 3L, null, "households_not_exited"),
                        figure("月末未脱贫人数", 5L, 7L, null, "persons_not_exited"),
                        figure("当月脱贫户数", 1L, 0L, 1L, "households_exited_month"),
                        figure("当月脱贫人数", 3L, 0L, 3L, "persons_exited_month"),
                        figure("当月新增人数", 1L, 0L, null, "persons_new"),
                        figure("当月减少人数", 0L, 0L, null, "persons_left"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("月末在册户数、人数构成", "本月变动", "近12个月走势");
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row("一般贫困户", 2L, 5L),
                        row("低保贫困户", 1L, 3L),
                        row("特困供养贫困户", 0L, 0L),
                        row("已脱贫", 1L, 3L),
                        row("未脱贫", 2L, 5L),
                        row("合计", 3L, 8L));
        assertThat(block.tables().get(1).rows())
                .containsExactly(row("新增", 0L, 1L), row("减少", 0L, 0L), row("迁移行政村", 1L, 1L), row("脱贫", 1L, 3L));
        assertThat(block.tables().get(2).rows())
                .containsExactly(
                        gap("2018-04", 3),
                        gap("2018-05", 3),
                        gap("2018-06", 3),
                        gap("2018-07", 3),
                        gap("2018-08", 3),
                        gap("2018-09", 3),
                        gap("2018-10", 3),
                        row("2018-11", 7L, 7L, 0L),
                        row("2018-12", 7L, 7L, 0L),
                        row("2019-01", 7L, 7L, 0L),
                        row("2019-02", 7L, 7L, 0L),
                        row("2019-03", 8L, 5L, 3L));
        assertThat(block.charts())
                .containsExactly(new Chart(ChartKind.TREND_LINE, "近12个月在册人数、未脱贫人数", 2, 0, List.of(1, 2)));
    }

    @Test
    void aMonthTheModelDoesNotHoldShowsNoFigureRatherThanZero() throws SQLException {
        // when: june 2019 is after the latest file (may)
        Block block = new RegistryBlock().build(county.data, county.county, YearMonth.of(2019, 6));

        // then: the trend still spans twelve months, before november 2018 and june itself gaps; the register stands
        // from march to may, no file changing it
        assertThat(block.figures().get(1)).isEqualTo(figure("月末在册人数", null, 10L, null, "persons"));
        assertThat(block.tables().get(0).rows().get(5)).isEqualTo(row("合计", null, null));
        assertThat(block.tables().get(2).rows()).isEmpty();
        assertThat(block.tables().get(3).rows())
                .containsExactly(
                        gap("2018-07", 3),
                        gap("2018-08", 3),
                        gap("2018-09", 3),
                        gap("2018-10", 3),
                        row("2018-11", 10L, 7L, 0L),
                        row("2018-12", 10L, 7L, 0L),
                        row("2019-01", 10L, 7L, 0L),
                        row("2019-02", 10L, 7L, 0L),
                        row("2019-03", 10L, 5L, 3L),
                        row("2019-04", 10L, 5L, 0L),
                        row("2019-05", 10L, 5L, 0L),
                        gap("2019-06", 3));
    }

    private static Figure figure(String label, Long month, Long previous, Long yearToDate, String column) {
        return new Figure(label, Measure.COUNT, month, previous, null, yearToDate, MODEL + column);
    }

    private static List<Object> zeros() {
        return row(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }
}
