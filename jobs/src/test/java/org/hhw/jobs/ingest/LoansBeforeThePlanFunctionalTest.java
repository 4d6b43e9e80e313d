package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
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
 * The ingest job on 2018 ledgers carrying loans issued before the plan (see {@link LoansBeforeThePlanFixtures}):
 * loans of 2016 and 2017 are judged by the microloan policy of 2014-12-10 — a principal over its limit is loaded
 * with a warning, and the principal, term and registered-only rules find them in {@code mart_finding}; a loan of
 * 2014, before the policy's first version, is judged by nothing, so its ledger fails the publish gate on the data
 * test {@code policy_rule_covers_event} while the ledgers before it stay published.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoansBeforeThePlanFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-loans-before-plan-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/microloan-before-plan");
    private static final Path REGISTRY = Path.of("src/test/resources/fixtures/registry");
    /** A csv's one sheet is named after the file. */
    private static final String CSV_SHEET = "2018年7月扶贫小额信贷台账（农商银行）";

    private static final String FILES = """
            select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned
            from etl_file where source = 'microloan' order by file_key""";
    private static final String FINDINGS = """
            select rule_code, year, household_id, name, detail, file_key, sheet, row_number
            from mart_finding
            where rule_code in ('LOAN_OVER_LIMIT', 'LOAN_TERM_OVER_LIMIT', 'BENEFICIARY_NOT_REGISTERED')
            order by rule_order, year, household_id, person_id_hash, detail""";
    private static final List<String> JUDGED = List.of(
            "LOAN_OVER_LIMIT|2016|14022201001000001|张三|借款合同号NSH2016-011（天镇农商银行，2016年4月1日发放）："
                    + "贷款金额60,000.00元，超过上限50,000.00元|2|农商银行|4",
            "LOAN_TERM_OVER_LIMIT|2017|14022205002000001|钱七|借款合同号YC2017-021（邮储银行，2017年5月2日发放）："
                    + "贷款期限48个月，超过上限36个月|3|邮储银行|3",
            "BENEFICIARY_NOT_REGISTERED|2016|UNKNOWN|王小二|扶贫小额信贷 借款合同号YC2016-022（邮储银行，2016年8月15日发放）"
                    + "20,000.00元，借款人不在建档立卡花名册中|3|邮储银行|4");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "loans-before-plan-functional");
    }

    @Test
    @Order(1)
    void loansOfBeforeThePlanOnJuneLedgersAreCheckedAndFoundByThePolicyOfTheirIssueDate() throws Exception {
        // given the registry of 南河堡乡 and 新平堡镇
        Path registry = IngestTestSupport.drop(home, "registry", REGISTRY.resolve(RegistryFixtures.XLSX));
        assertThat(pollOf("registry", registry).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when the LibreOffice xlsx and the xls June ledgers are ingested
        for (String name : List.of(LoansBeforeThePlanFixtures.XLSX, LoansBeforeThePlanFixtures.XLS)) {
            assertThat(pollOf("microloan", drop(name)).getStatus()).as(name).isEqualTo(BatchStatus.COMPLETED);
        }

        // then every row is accounted for
        assertThat(rows(FILES))
                .containsExactly(
                        "2|" + LoansBeforeThePlanFixtures.XLSX + "|LOADED|5|2|1|2|1",
                        "3|" + LoansBeforeThePlanFixtures.XLS + "|LOADED|4|3|0|1|0");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "where file_key > 1 order by file_key, row_number"))
                .containsExactly("2|农商银行|6|到期日期|2016-09-30|INCONSISTENT");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_warning "
                        + "where file_key > 1 order by file_key, row_number"))
                .containsExactly("2|农商银行|4|贷款金额(元)|60000|NUMBER_INVALID");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data where file_key > 1 "
                        + "order by file_key, row_number"))
                .containsExactly("2|农商银行|7|TOTAL", "2|农商银行|8|FOOTER", "3|邮储银行|6|FOOTER");
        // and the facts: the 60000 principal loaded as written, 48个月 and 2年 read as months, 周九's settled
        // loan without a term, 王小二 loaded unregistered in household 0
        assertThat(rows("""
                select file_key, sheet, row_number, person_key, household_key, is_registered, bank_name, contract_number,
                       as_of_date, principal, issue_date, due_date, term_months, annual_rate, balance, status, is_current
                from fact_microloan join dim_bank using (bank_key)
                order by microloan_key"""))
                .containsExactly(
                        "2|农商银行|4|1|1|true|天镇农商银行|NSH2016-011|2018-06-30|60000.00|2016-04-01|2019-03-31|36|0.043500|60000.00|normal|true",
                        "2|农商银行|5|2|1|true|天镇农商银行|NSH2017-012|2018-06-30|30000.00|2017-03-10|2020-03-09|36|0.043500|30000.00|normal|true",
                        "3|邮储银行|3|5|3|true|邮储银行|YC2017-021|2018-06-30|40000.00|2017-05-02|2021-05-01|48|0.043500|40000.00|normal|true",
                        "3|邮储银行|4|7|0|false|邮储银行|YC2016-022|2018-06-30|20000.00|2016-08-15|2018-08-14|24|0.043500|5000.00|normal|true",
                        "3|邮储银行|5|6|4|true|邮储银行|YC2016-023|2018-06-30|10000.00|2016-09-01|2018-05-31|null|0.043500|0.00|settled|true");
        // and each receipt lists the rejected row and the principal over the limit, and no row that was fine
        assertThat(IngestTestSupport.receiptRejects(home, "microloan", LoansBeforeThePlanFixtures.XLSX))
                .containsExactly("农商银行|6|到期日期|2016-09-30|INCONSISTENT|到期日期（2016-09-30）应晚于发放日期（2016-10-01）。请核对这两个日期。");
        assertThat(IngestTestSupport.receiptWarnings(home, "microloan", LoansBeforeThePlanFixtures.XLSX))
                .containsExactly("农商银行|4|贷款金额(元)|60000|NUMBER_INVALID|贷款金额（60000）不在合理范围（0～50000）内。请核对。");
        assertThat(IngestTestSupport.receiptRejects(home, "microloan", LoansBeforeThePlanFixtures.XLS))
                .isEmpty();
        assertThat(IngestTestSupport.receiptWarnings(home, "microloan", LoansBeforeThePlanFixtures.XLS))
                .isEmpty();
        // and the analysts find the 2016 principal, the 2017 term and the unregistered 2016 borrower, published
        assertThat(rows(FINDINGS)).containsExactlyElementsOf(JUDGED);
        assertThat(IngestTestSupport.published(home, FINDINGS)).containsExactlyElementsOf(JUDGED);
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(2)
    void aLoanOfBeforeThePolicyFailsItsLedgersPublishAndTheAnalystsKeepTheJuneState() throws Exception {
        // given the July ledger, which lists 李四's loan again and a loan of 2014 over every later limit
        Path july = drop(LoansBeforeThePlanFixtures.CSV);

        // when it is ingested
        JobExecution run = pollOf("microloan", july);

        // then the poll's publish fails at its gate, naming the data test
        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getAllFailureExceptions())
                .extracting(Throwable::getMessage)
                .containsExactly(
                        "data tests failed at the publish of 1 file (loaded or recorded, not published; "
                                + "no receipt or note yet, waiting in the inbox): tests/policy_rule_covers_event.sql returned 4 rows");
        // and the load is committed: both rows, the 2014 principal without a warning, since no limit judged it
        assertThat(rows(FILES))
                .containsExactly(
                        "2|" + LoansBeforeThePlanFixtures.XLSX + "|LOADED|5|2|1|2|1",
                        "3|" + LoansBeforeThePlanFixtures.XLS + "|LOADED|4|3|0|1|0",
                        "4|" + LoansBeforeThePlanFixtures.CSV + "|LOADED|3|2|0|1|0");
        assertThat(rows("""
                select sheet, row_number, contract_number, as_of_date, principal, issue_date, term_months, annual_rate,
                       balance, is_current
                from fact_microloan where file_key = 4 order by microloan_key"""))
                .containsExactly(
                        CSV_SHEET + "|3|NSH2017-012|2018-07-31|30000.00|2017-03-10|36|0.043500|30000.00|true",
                        CSV_SHEET + "|4|NSH2014-001|2018-07-31|60000.00|2014-06-01|60|0.061500|20000.00|true");
        assertThat(rows("select count(*) from etl_warning where file_key = 4")).containsExactly("0");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data where file_key = 4"))
                .containsExactly("4|" + CSV_SHEET + "|5|TOTAL");
        // and the operator reads which loan no version of which rule covers
        assertThat(rows("select test, rows from etl_data_test"))
                .containsExactly("tests/policy_rule_covers_event.sql|4");
        assertThat(rows("select unnest(string_split(sample, chr(10))) from etl_data_test"))
                .containsExactly(
                        "fact=fact_microloan, fact_key=7, file_key=4, sheet=" + CSV_SHEET + ", row_number=4, "
                                + "rule=microloan_principal_max, applies_to=all, event=issue_date, on_day=2014-06-01",
                        "fact=fact_microloan, fact_key=7, file_key=4, sheet=" + CSV_SHEET + ", row_number=4, "
                                + "rule=microloan_rate_max, applies_to=all, event=issue_date, on_day=2014-06-01",
                        "fact=fact_microloan, fact_key=7, file_key=4, sheet=" + CSV_SHEET + ", row_number=4, "
                                + "rule=microloan_term_max, applies_to=all, event=issue_date, on_day=2014-06-01",
                        "fact=fact_microloan, fact_key=7, file_key=4, sheet=" + CSV_SHEET + ", row_number=4, "
                                + "rule=registered_households_only, applies_to=microloan, event=issue_date, on_day=2014-06-01");
        // and no finding names the 2014 loan, over the limits as it is: the findings are the June ones
        assertThat(rows(FINDINGS)).containsExactlyElementsOf(JUDGED);
        // and the analysts' copy is the June state, without the July ledger
        assertThat(IngestTestSupport.published(home, FILES))
                .containsExactly(
                        "2|" + LoansBeforeThePlanFixtures.XLSX + "|LOADED|5|2|1|2|1",
                        "3|" + LoansBeforeThePlanFixtures.XLS + "|LOADED|4|3|0|1|0");
        assertThat(IngestTestSupport.published(home, "select count(*) from fact_microloan where file_key = 4"))
                .containsExactly("0");
        assertThat(IngestTestSupport.published(home, FINDINGS)).containsExactlyElementsOf(JUDGED);
        // and the clerk gets no receipt yet: the ledger waits in the inbox
        assertThat(july).exists();
        assertThat(home.processed("microloan").resolve(LoansBeforeThePlanFixtures.CSV + ".回执.xlsx"))
                .doesNotExist();
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
