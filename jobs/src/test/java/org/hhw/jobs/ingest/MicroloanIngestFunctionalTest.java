package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on the checked-in microloan ledgers (see {@link MicroloanFixtures}), after a small
 * registry: every format, 万元 and title-dated ledgers, rejects and warnings, linking to registered
 * persons and households and loading an unregistered borrower; then a re-issued ledger superseding
 * by contract and date, the same workbook sent again, and a rebuild from the lake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MicroloanIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-microloan-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/microloan");
    private static final Path REGISTRY = Path.of("src/test/resources/fixtures/registry");
    private static final String FACTS = """
            select microloan_key, file_key, sheet, row_number, person_key, household_key, is_registered, bank_name,
                   contract_number, as_of_date, as_of_date_key, household_id, principal, issue_date, issue_date_key, due_date,
                   term_months, annual_rate, purpose, interest_subsidy, balance, status, days_overdue, is_current,
                   superseded_by
            from fact_microloan join dim_bank using (bank_key)
            order by microloan_key""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "microloan-functional");
    }

    @Test
    @Order(1)
    void loadsEveryLedgerLinkedToTheRegistryWithExactRejectsWarningsAndFacts() throws Exception {
        // given the registry of 南河堡乡 and 新平堡镇, then the three ledgers in the microloan inbox
        ingest("registry", IngestTestSupport.drop(home, "registry", REGISTRY.resolve(RegistryFixtures.XLSX)));

        // when each ledger is ingested
        for (String name : List.of(MicroloanFixtures.XLSX, MicroloanFixtures.XLS, MicroloanFixtures.CSV_GB18030)) {
            ingest("microloan", drop(name));
        }

        // then every file is accounted for, row by row
        assertThat(rows("""
                select file_key, source, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data,
                       rows_warned, sheets_read
                from etl_file where source = 'microloan' order by file_key"""))
                .containsExactly(
                        "2|microloan|2018年6月扶贫小额信贷台账（农商银行）.xlsx|LOADED|7|3|2|2|0|农商银行",
                        "3|microloan|2018年6月扶贫小额信贷台账（邮储银行）.xls|LOADED|5|3|2|0|1|邮储银行",
                        "4|microloan|2018年7月扶贫小额信贷台账（农商银行）.csv|LOADED|4|2|1|1|0|2018年7月扶贫小额信贷台账（农商银行）");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "where file_key > 1 order by file_key, sheet, row_number"))
                .containsExactly(
                        "2|农商银行|7|到期日期|2018-04-30|INCONSISTENT",
                        "2|农商银行|8|还款状态|展期|CODE_UNKNOWN",
                        "3|邮储银行|5|执行利率|30%|NUMBER_INVALID",
                        "3|邮储银行|6|借款合同号和统计日期|null|DUPLICATE_IN_FILE",
                        "4|2018年7月扶贫小额信贷台账（农商银行）|5|贷款金额(元)|待定|AMOUNT_INVALID");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_warning "
                        + "where file_key > 1 order by file_key, row_number"))
                .containsExactly("3|邮储银行|7|放款金额|60000|NUMBER_INVALID");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data where file_key > 1 "
                        + "order by file_key, row_number"))
                .containsExactly("2|农商银行|9|TOTAL", "2|农商银行|10|FOOTER", "4|2018年7月扶贫小额信贷台账（农商银行）|6|TOTAL");
        // and the facts: 5 万元 is 50000.00, 3年 is 36 months, 4.35% and 0.0435 are both 0.0435, the xls ledger
        // dated by its title; 张三 and 李四 share household 1, 王小二 is loaded unregistered in household 0
        assertThat(rows(FACTS))
                .containsExactly(
                        "1|2|农商银行|4|1|1|true|天镇农商银行|NSH2018-001|2018-06-30|20180630|14022201001000001|50000.00|2018-03-15|20180315|2021-03-14|36|0.043500|养殖|543.75|50000.00|normal|0|true|null",
                        "2|2|农商银行|5|2|1|true|天镇农商银行|NSH2018-002|2018-06-30|20180630|null|30000.00|2018-04-10|20180410|2020-04-09|24|0.043500|种植|326.25|30000.00|normal|null|true|null",
                        "3|2|农商银行|6|7|0|false|天镇农商银行|NSH2018-003|2018-06-30|20180630|null|50000.00|2018-01-20|20180120|2021-01-19|36|0.043500|入股分红|0.00|45000.00|overdue|15|true|null",
                        "4|3|邮储银行|3|5|3|true|邮储银行|YC2018-101|2018-06-30|20180630|null|50000.00|2018-03-01|20180301|2021-02-28|36|0.043500|养殖|500.00|50000.00|normal|0|true|null",
                        "5|3|邮储银行|4|6|4|true|邮储银行|YC2018-102|2018-06-30|20180630|null|20000.00|2018-05-20|20180520|2020-05-19|24|0.043500|种植|null|0.00|settled|null|true|null",
                        "6|3|邮储银行|7|1|1|true|邮储银行|YC2018-104|2018-06-30|20180630|null|60000.00|2018-06-05|20180605|2021-06-04|36|0.043500|养殖|null|60000.00|normal|0|true|null",
                        "7|4|2018年7月扶贫小额信贷台账（农商银行）|3|1|1|true|天镇农商银行|NSH2018-001|2018-07-31|20180731|14022201001000001|50000.00|2018-03-15|20180315|2021-03-14|36|0.043500|养殖|725.00|50000.00|normal|0|true|null",
                        "8|4|2018年7月扶贫小额信贷台账（农商银行）|4|7|0|false|天镇农商银行|NSH2018-003|2018-07-31|20180731|null|50000.00|2018-01-20|20180120|2021-01-19|36|0.043500|入股分红|0.00|45000.00|overdue|46|true|null");
        assertThat(rows("""
                select person_key, id_masked, name, is_registered, household_id, file_key, row_number
                from dim_person where not is_registered order by person_key""")).containsExactly("7|140222********2116|王小二|false|null|2|6");
        assertThat(rows("select bank_key, bank_name from dim_bank order by bank_key"))
                .containsExactly("1|天镇农商银行", "2|邮储银行");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(2)
    void aReissuedLedgerSupersedesByContractAndDateAndTheSameWorkbookLoadsOnce() throws Exception {
        // given the corrected June ledger of the commercial bank, and its original workbook renamed as clerks do
        Path copy = home.inbox("microloan").resolve("2018年6月扶贫小额信贷台账（农商银行）(1).xlsx");
        Files.copy(FIXTURES.resolve(MicroloanFixtures.XLSX), copy);

        // when both are ingested
        ingest("microloan", drop(MicroloanFixtures.CORRECTION));
        ingest("microloan", copy);

        // then the corrected rows replace the June facts of the same contracts, the July facts stay current,
        // and the copy loads nothing
        assertThat(rows("""
                select file_key, status, duplicate_of, rows_loaded, rows_rejected
                from etl_file where file_key >= 5 order by file_key""")).containsExactly("5|LOADED|null|5|0", "6|DUPLICATE|2|0|0");
        assertThat(rows("""
                select microloan_key, file_key, contract_number, as_of_date, balance, status, is_current, superseded_by
                from fact_microloan order by microloan_key"""))
                .containsExactly(
                        "1|2|NSH2018-001|2018-06-30|50000.00|normal|false|5",
                        "2|2|NSH2018-002|2018-06-30|30000.00|normal|false|5",
                        "3|2|NSH2018-003|2018-06-30|45000.00|overdue|false|5",
                        "4|3|YC2018-101|2018-06-30|50000.00|normal|true|null",
                        "5|3|YC2018-102|2018-06-30|0.00|settled|true|null",
                        "6|3|YC2018-104|2018-06-30|60000.00|normal|true|null",
                        "7|4|NSH2018-001|2018-07-31|50000.00|normal|true|null",
                        "8|4|NSH2018-003|2018-07-31|45000.00|overdue|true|null",
                        "9|5|NSH2018-001|2018-06-30|48000.00|normal|true|null",
                        "10|5|NSH2018-002|2018-06-30|30000.00|normal|true|null",
                        "11|5|NSH2018-003|2018-06-30|45000.00|overdue|true|null",
                        "12|5|NSH2018-004|2018-06-30|20000.00|normal|true|null",
                        "13|5|NSH2018-005|2018-06-30|40000.00|normal|true|null");
        // and the June totals are the corrected ledger's own (5 loans, 190000 lent, 183000 outstanding),
        // not the sum of both ledgers

        assertThat(rows("""
                select as_of_date, count(*), sum(principal), sum(balance)
                from fact_microloan join dim_bank using (bank_key)
                where is_current and bank_name = '天镇农商银行'
                group by as_of_date order by as_of_date""")).containsExactly("2018-06-30|5|190000.00|183000.00", "2018-07-31|2|100000.00|95000.00");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(3)
    void aRebuildFromTheLakeGivesTheSameFactsAndBanks() throws Exception {
        // given the facts and banks as loaded
        String banks = "select bank_key, bank_name from dim_bank order by bank_key";
        List<String> facts = rows(FACTS);
        List<String> named = rows(banks);
        Path rebuilt = HOME.resolve("rebuilt").resolve("warehouse.duckdb");

        // when the warehouse is rebuilt from the lake
        ContractRegistry contracts = ContractRegistry.bundled();
        Warehouse.rebuild(warehouse.lake(), rebuilt, Gazetteer.bundled(), contracts);

        // then keys and values are identical
        try (Warehouse again = Warehouse.open(rebuilt, warehouse.lake(), Gazetteer.bundled(), contracts)) {
            assertThat(IngestTestSupport.rows(again, FACTS)).containsExactlyElementsOf(facts);
            assertThat(IngestTestSupport.rows(again, banks)).containsExactlyElementsOf(named);
        }
    }

    private void ingest(String source, Path file) throws Exception {
        JobExecution run = pollOf(source, file);
        assertThat(run.getStatus()).as(file.getFileName().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    private Path drop(String fixture) throws IOException {
        return IngestTestSupport.drop(home, "microloan", FIXTURES.resolve(fixture));
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
