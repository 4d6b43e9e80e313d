package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data received report (and its rejects by reason) over {@link ReportCounty}; expected values by hand. */
class DataReceivedReportTest extends ReportCountyTest {

    private static final String COLUMNS = """
            township, year_month, department_zh, files_received, files_loaded, files_duplicate, files_rejected,
            rows_loaded, rows_rejected, reject_rate_pct""";

    @Test
    void theCountyHasEveryDepartmentEveryMonthAndTheSilentOnesHaveZeros() {
        // when
        List<List<Object>> county = loads.rows("select " + COLUMNS
                + " from rpt_data_received_month where unit = 'county' order by year_month, department_order");

        // then: may brings the two registry files; june the may ledger with a row rejected; july nothing; august the
        // july ledger, the same ledger again and an encrypted roster
        assertThat(county)
                .containsExactly(
                        row("全县", "2019-05", "扶贫办", 2, 2, 0, 0, 8L, 0L, pct("0.00")),
                        row("全县", "2019-05", "教育局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-05", "医保局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-05", "金融办", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-05", "人社局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-06", "扶贫办", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-06", "教育局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-06", "医保局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-06", "金融办", 1, 1, 0, 0, 2L, 1L, pct("33.33")),
                        row("全县", "2019-06", "人社局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-07", "扶贫办", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-07", "教育局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-07", "医保局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-07", "金融办", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-07", "人社局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-08", "扶贫办", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-08", "教育局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-08", "医保局", 0, 0, 0, 0, 0L, 0L, null),
                        row("全县", "2019-08", "金融办", 2, 1, 1, 0, 3L, 0L, pct("0.00")),
                        row("全县", "2019-08", "人社局", 1, 0, 0, 1, 0L, 0L, null));
    }

    @Test
    void aTownshipCountsTheLoadedRowsTracedToItAndNoRejects() {
        // when: the township rows with a file
        List<List<Object>> townships = loads.rows("select " + COLUMNS + """
                 from rpt_data_received_month where unit = 'township' and files_received > 0
                order by year_month, township_key, department_order""");

        // then: 孙强's loan is in no township of the registry; the rejected row, the duplicate and the encrypted roster
        // produced nothing a township could be told by
        assertThat(townships)
                .containsExactly(
                        row("玉泉镇", "2019-05", "扶贫办", 1, 1, null, null, 6L, null, null),
                        row("米薪关镇", "2019-05", "扶贫办", 1, 1, null, null, 2L, null, null),
                        row("未归属乡镇", "2019-06", "金融办", 1, 1, null, null, 1L, null, null),
                        row("玉泉镇", "2019-06", "金融办", 1, 1, null, null, 1L, null, null),
                        row("未归属乡镇", "2019-08", "金融办", 1, 1, null, null, 1L, null, null),
                        row("玉泉镇", "2019-08", "金融办", 1, 1, null, null, 2L, null, null));
    }

    @Test
    void theRejectsCountByReasonARowsAndAWholeFiles() {
        // when
        List<List<Object>> reasons = loads.rows("""
                select year_month, department_zh, level, reason_code, files, rows_rejected
                from rpt_reject_reason_month order by year_month, department_order, level""");

        // then
        assertThat(reasons)
                .containsExactly(
                        row("2019-06", "金融办", "row", "ID_CHECKSUM", 1, 1L),
                        row("2019-08", "人社局", "file", "ENCRYPTED", 1, null));
    }

    @Test
    void theReportsAndTheModelsTheyReadPassTheirDataTests() {
        // when: the generic tests of the reports' YAML run with every other data test
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
