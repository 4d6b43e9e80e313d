package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.hhw.warehouse.ReportCounty;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;

/** The provenance block of {@link ReportCounty}'s reports for june 2019, made on 3 july; expected values by hand. */
class ProvenanceBlockTest extends CountyCopyTest {

    private static final YearMonth JUNE = YearMonth.of(2019, 6);

    @Test
    void itSaysWhatTheFiguresRestOnAndWhenAndByWhatTheReportWasMade() throws SQLException {
        // given what the copy holds: the latest load (the july ledger's, made by the test's clock), the rules, targets
        List<Object> copied = loads.rows("""
                        select strftime(max(loaded_at) filter (where status = 'LOADED'), '%Y年%-m月%-d日 %H:%M'),
                               (select count(*) from ref_policy_rule),
                               (select strftime(max(valid_from), '%Y-%m-%d') from ref_policy_rule),
                               (select count(*) from ref_plan_target),
                               (select strftime(max(valid_from), '%Y-%m-%d') from ref_plan_target)
                        from etl_file""").get(0);

        // when
        Block block = new ProvenanceBlock(LocalDateTime.of(2019, 7, 3, 6, 0), "0.1.0").build(data, county(), JUNE);

        // then
        assertThat(block.sheet()).isEqualTo("数据来源");
        assertThat(block.figures()).isEmpty();
        assertThat(block.tables()).extracting(Table::title).containsExactly("数据说明", "纳入本期的数据");
        List<List<Object>> about = block.tables().get(0).rows();
        assertThat(about)
                .extracting(r -> r.get(0))
                .containsExactly("数据截至", "收录入库文件", "政策标准版本", "规划目标版本", "报告生成时间", "生成程序", "数据口径");
        assertThat(about.get(0).get(1)).isEqualTo(copied.get(0));
        assertThat(about.get(1).get(1)).isEqualTo("4个");
        assertThat((String) about.get(2).get(1))
                .matches("[0-9a-f]{32}（" + copied.get(1) + "条，最近生效" + copied.get(2) + "）");
        assertThat((String) about.get(3).get(1))
                .matches("[0-9a-f]{32}（" + copied.get(3) + "条，最近生效" + copied.get(4) + "）");
        assertThat(about.get(4).get(1)).isEqualTo("2019年7月3日 06:00");
        assertThat(about.get(5).get(1)).isEqualTo("hhw 0.1.0");
        // the july ledger, received in august, is a late file june's figures include
        assertThat(block.tables().get(1).rows())
                .containsExactly(
                        row("扶贫办", 2L, 0L, "米薪关镇花名册.csv", "2019-05-06"),
                        row("教育局", 0L, 0L, null, null),
                        row("医保局", 0L, 0L, null, null),
                        row("金融办", 1L, 1L, ReportCounty.JULY_LEDGER, "2019-08-05"),
                        row("人社局", 0L, 0L, null, null));
    }

    @Test
    void everyUnitReadsTheSameProvenance() throws SQLException {
        // when
        ProvenanceBlock provenance = new ProvenanceBlock(LocalDateTime.of(2019, 7, 3, 6, 0), "0.1.0");

        // then
        assertThat(provenance.build(data, township("米薪关镇"), JUNE)).isEqualTo(provenance.build(data, county(), JUNE));
    }

    @Test
    void aMonthTheCopyDoesNotReachStillSaysWhenAndByWhatTheReportWasMade() throws SQLException {
        // when
        Block block = new ProvenanceBlock(LocalDateTime.of(2019, 7, 3, 6, 0), "0.1.0")
                .build(data, county(), YearMonth.of(2019, 4));

        // then
        assertThat(block.tables().get(0).rows()).extracting(r -> r.get(0)).containsExactly("报告生成时间", "生成程序", "数据口径");
        assertThat(block.tables().get(1).rows()).isEmpty();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
