package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.warehouse.report.blocks.TrendRows.gap;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;

/** The data received block of {@link org.hhw.warehouse.ReportCounty}'s reports for august 2019; expected values by hand. */
class DataReceivedBlockTest extends CountyCopyTest {

    private static final YearMonth AUGUST = YearMonth.of(2019, 8);

    @Test
    void theCountyNamesTheSilentDepartmentsAndCountsFilesRowsAndRejectsByReason() throws SQLException {
        // when
        Block block = new DataReceivedBlock().build(data, county(), AUGUST);

        // then: august brings the july ledger, its duplicate and an encrypted roster; may two registry files, june the
        // may ledger with a row rejected
        assertThat(block.sheet()).isEqualTo("数据报送");
        assertThat(block.figures())
                .containsExactly(
                        new Figure("本月收到文件", Measure.COUNT, 3L, 0L, null, 6L, "rpt_data_received_month.files_received"),
                        new Figure("本月入库行数", Measure.COUNT, 3L, 0L, null, 13L, "rpt_data_received_month.rows_loaded"),
                        new Figure("本月拒收行数", Measure.COUNT, 0L, 0L, null, 1L, "rpt_data_received_month.rows_rejected"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("各部门报送情况", "拒收原因", "各乡镇入库数据", "近12个月走势");
        Table departments = block.tables().get(0);
        assertThat(departments.rows())
                .containsExactly(
                        row("扶贫办", 0L, 0L, 0L, 0L, 0L, 0L, null),
                        row("教育局", 0L, 0L, 0L, 0L, 0L, 0L, null),
                        row("医保局", 0L, 0L, 0L, 0L, 0L, 0L, null),
                        row("金融办", 2L, 1L, 1L, 0L, 3L, 0L, new BigDecimal("0.00")),
                        row("人社局", 1L, 0L, 0L, 1L, 0L, 0L, null));
        assertThat(departments.note()).isEqualTo("本月未报送：扶贫办、教育局、医保局");
        assertThat(block.tables().get(1).rows()).containsExactly(row("人社局", "整份文件", "ENCRYPTED", 1L, null));
        List<List<Object>> townships = block.tables().get(2).rows();
        assertThat(townships).hasSize(12);
        assertThat(townships.get(0)).containsExactly("玉泉镇", 1L, 2L);
        assertThat(townships.get(11)).containsExactly("未归属乡镇", 1L, 1L);
        // the first file arrives in may 2019: the eight months before are gaps
        assertThat(block.tables().get(3).rows())
                .containsExactly(
                        gap("2018-09", 2),
                        gap("2018-10", 2),
                        gap("2018-11", 2),
                        gap("2018-12", 2),
                        gap("2019-01", 2),
                        gap("2019-02", 2),
                        gap("2019-03", 2),
                        gap("2019-04", 2),
                        row("2019-05", 2L, 0L),
                        row("2019-06", 1L, 1L),
                        row("2019-07", 0L, 0L),
                        row("2019-08", 3L, 0L));
        assertThat(block.charts()).containsExactly(new Chart(ChartKind.TREND_LINE, "数据报送走势", 3, 0, List.of(1, 2)));
    }

    @Test
    void aTownshipCountsWhatReachedItAndHasNoRejects() throws SQLException {
        // when
        Block block = new DataReceivedBlock().build(data, township("玉泉镇"), AUGUST);

        // then: the july ledger's two loans of 玉泉镇; a rejected row has no township, so no figure, not zero
        assertThat(block.figures())
                .extracting(Figure::month, Figure::previousMonth, Figure::yearToDate)
                .containsExactly(tuple(1L, 0L, 3L), tuple(2L, 0L, 9L), tuple(null, null, null));
        assertThat(block.tables()).extracting(Table::title).containsExactly("各部门报送情况", "近12个月走势");
        assertThat(block.tables().get(0).rows())
                .contains(
                        row("金融办", 1L, 1L, null, null, 2L, null, null), row("人社局", 0L, 0L, null, null, 0L, null, null));
        assertThat(block.tables().get(0).note()).isEqualTo("本月未报送：扶贫办、教育局、医保局");
    }

    @Test
    void aMonthWithNoFileNamesEveryDepartment() throws SQLException {
        // given july, when nobody sent anything

        // when
        Block july = new DataReceivedBlock().build(data, county(), YearMonth.of(2019, 7));

        // then
        assertThat(july.tables().get(0).note()).isEqualTo("本月未报送：扶贫办、教育局、医保局、金融办、人社局");
        assertThat(july.tables().get(1).rows()).isEmpty();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
