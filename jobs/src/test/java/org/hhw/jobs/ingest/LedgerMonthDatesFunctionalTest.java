package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on microloan ledgers whose 统计日期 is a month (see {@link LedgerMonthDatesFixtures}):
 * every form clerks write is the month's last day, a month without its year takes the year of the
 * title, and is rejected where no title names one; an issue date given as a month stays an error.
 */
class LedgerMonthDatesFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-ledger-months-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/microloan-months");
    /** A csv's one sheet is named after the file. */
    private static final String CSV_SHEET = "2018年12月扶贫小额信贷台账（农商银行城关支行）";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "ledger-months-functional");
    }

    @Test
    void aLedgerDateGivenAsAMonthIsTheMonthsLastDayInEveryFormat() throws Exception {
        // given the LibreOffice xlsx, the xls and the csv ledgers in the microloan inbox
        List<String> files =
                List.of(LedgerMonthDatesFixtures.XLSX, LedgerMonthDatesFixtures.XLS, LedgerMonthDatesFixtures.CSV);

        // when each is ingested
        for (String name : files) {
            JobExecution run = pollOf("microloan", IngestTestSupport.drop(home, "microloan", FIXTURES.resolve(name)));
            assertThat(run.getStatus()).as(name).isEqualTo(BatchStatus.COMPLETED);
        }

        // then every row is accounted for
        assertThat(rows("""
                select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned
                from etl_file order by file_key"""))
                .containsExactly(
                        "1|2018年12月扶贫小额信贷台账（农商银行）.xlsx|LOADED|6|4|1|1|0",
                        "2|扶贫小额信贷台账（邮储银行）.xls|LOADED|5|3|1|1|0",
                        "3|2018年12月扶贫小额信贷台账（农商银行城关支行）.csv|LOADED|4|3|1|0|0");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "order by file_key, row_number"))
                .containsExactly(
                        "1|农商银行|8|发放日期|2018年3月|DATE_INVALID",
                        "2|邮储银行|5|截至日期|12月|DATE_INVALID",
                        "3|" + CSV_SHEET + "|5|统计日期|2018年13月|DATE_INVALID");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data order by file_key, row_number"))
                .containsExactly("1|农商银行|9|TOTAL", "2|邮储银行|7|FOOTER");
        // and the facts: every month form is its last day (2018年12月, 2018.12, 2018年12月末, 2018-12, 201812,
        // 2018年11月), 12月底 and 12月 in the year their title names, a blank cell the title's date
        assertThat(rows("""
                select file_key, sheet, row_number, contract_number, as_of_date, as_of_date_key, issue_date, principal,
                       status, is_registered, is_current
                from fact_microloan order by microloan_key"""))
                .containsExactly(
                        "1|农商银行|4|NSH2018-101|2018-12-31|20181231|2018-03-15|50000.00|normal|false|true",
                        "1|农商银行|5|NSH2018-102|2018-12-31|20181231|2018-04-10|30000.00|normal|false|true",
                        "1|农商银行|6|NSH2018-103|2018-12-31|20181231|2018-05-01|20000.00|normal|false|true",
                        "1|农商银行|7|NSH2018-104|2018-12-31|20181231|2018-02-01|40000.00|overdue|false|true",
                        "2|邮储银行|3|YC2018-201|2018-12-31|20181231|2018-06-01|20000.00|normal|false|true",
                        "2|邮储银行|4|YC2018-202|2018-12-31|20181231|2018-06-01|20000.00|normal|false|true",
                        "2|邮储银行|6|YC2018-204|2018-12-31|20181231|2018-06-01|20000.00|normal|false|true",
                        "3|" + CSV_SHEET + "|3|NSH2018-201|2018-12-31|20181231|2018-07-01|30000.00|normal|false|true",
                        "3|" + CSV_SHEET + "|4|NSH2018-202|2018-12-31|20181231|2018-07-01|30000.00|normal|false|true",
                        "3|" + CSV_SHEET + "|6|NSH2018-204|2018-11-30|20181130|2018-07-01|30000.00|normal|false|true");
        // and each receipt lists its rejected rows, with what the clerk is told to do
        assertThat(IngestTestSupport.receiptRejects(home, "microloan", LedgerMonthDatesFixtures.XLSX))
                .containsExactly("农商银行|8|发放日期|2018年3月|DATE_INVALID|日期“2018年3月”无法识别，请填写实际日期。"
                        + "可用的写法：2018-06-01、2018/6/1、2018.6.1、2018年6月1日、20180601。");
        assertThat(IngestTestSupport.receiptRejects(home, "microloan", LedgerMonthDatesFixtures.XLS))
                .containsExactly(
                        "邮储银行|5|截至日期|12月|DATE_INVALID|日期“12月”没有写年份，表格标题中也没有年份。" + "请写明年份，例如 2018年12月底 或 2018-12-31。");
        assertThat(IngestTestSupport.receiptRejects(home, "microloan", LedgerMonthDatesFixtures.CSV))
                .containsExactly(CSV_SHEET + "|5|统计日期|2018年13月|DATE_INVALID|月份“2018年13月”不存在，请核对后重新填写。"
                        + "可用的写法：2018-06-30、2018/6/30、2018年6月30日、20180630，"
                        + "或只写月份（按该月最后一天计）：2018年6月、2018年6月底、2018-06、2018.06、201806。");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
