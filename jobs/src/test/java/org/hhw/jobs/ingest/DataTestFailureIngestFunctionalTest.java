package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A data test that returns rows at a poll's publish fails the publish: the file's load stays committed, its run
 * stopped after the load, but nothing is published and no receipt is written; once the cause is repaired, the next
 * poll publishes and the stopped run, launched again, restarts at its receipt step and completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataTestFailureIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-data-test-failure");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/registry");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "data-test-failure");
    }

    private static Path second;
    private static JobExecution stopped;

    @Test
    @Order(1)
    void aFailingDataTestFailsThePublishWithTheTestsNameAndNothingIsPublishedOrReceipted() throws Exception {
        // given a registry file loaded, then its counts spoiled behind the job's back
        Path first = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.XLSX));
        assertThat(pollOf("registry", first).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        IngestTestSupport.execute(warehouse, IngestTestSupport.MISCOUNTED_FILE);

        // when the next file is ingested
        second = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.CSV_UTF8));
        IngestTestSupport.Poll poll = poll("registry", List.of(second));

        // then its run stopped after the load, and the publish failed, naming the tests
        stopped = poll.ingested().get(0);
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(stopped.getStepExecutions())
                .extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(
                        tuple("ingestArchiveStep", BatchStatus.COMPLETED),
                        tuple("ingestReadStep", BatchStatus.COMPLETED),
                        tuple("ingestLoadStep", BatchStatus.COMPLETED));
        assertThat(poll.publish().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(poll.publish().getAllFailureExceptions())
                .extracting(Throwable::getMessage)
                .containsExactly(
                        "data tests failed at the publish of 1 file (loaded or recorded, not published; "
                                + "no receipt or note yet, waiting in the inbox): tests/etl_file_matches_lake.sql returned 1 rows");
        assertThat(poll.delivered()).isEmpty();
        // and the file's load is committed, the failure recorded, but the analysts' copy is the one before
        assertThat(rows("select file_key, status from etl_file order by file_key"))
                .containsExactly("1|LOADED", "2|LOADED");
        assertThat(rows("select test, rows from etl_data_test order by test"))
                .containsExactly("tests/etl_file_matches_lake.sql|1");
        assertThat(IngestTestSupport.published(home, "select file_key, status from etl_file order by file_key"))
                .containsExactly("1|LOADED");
        // and the file waits in the inbox without a receipt, its ID as written (row 7) kept in the spool for it
        assertThat(second).exists();
        assertThat(home.processed("registry").resolve(RegistryFixtures.CSV_UTF8 + ".回执.xlsx"))
                .doesNotExist();
        assertThat(rows("select row_number, raw_value from read_parquet('"
                        + home.spool().resolve("registry/2") + "/*.parquet')"))
                .containsExactly("7|1.40222197707E+17");
    }

    @Test
    @Order(2)
    void onceRepairedTheNextPollPublishesAndTheStoppedRunRestartsAtItsReceipt() throws Exception {
        // given the cause repaired
        IngestTestSupport.execute(warehouse, IngestTestSupport.REPAIR);

        // when the inbox is polled again
        IngestTestSupport.Poll poll = poll("registry", List.of(second));

        // then the waiting file is not ingested again: the publish passes, and its run restarts at the receipt
        assertThat(poll.ingested()).isEmpty();
        assertThat(poll.publish().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JobExecution restarted = poll.delivered().get(0);
        assertThat(restarted.getJobInstance().getInstanceId())
                .isEqualTo(stopped.getJobInstance().getInstanceId());
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .containsExactly("ingestReceiptStep");
        assertThat(rows("select count(*) from etl_data_test")).containsExactly("0");
        assertThat(IngestTestSupport.published(home, "select file_key, status from etl_file order by file_key"))
                .containsExactly("1|LOADED", "2|LOADED");
        assertThat(IngestTestSupport.published(home, "select count(*) from etl_data_test"))
                .containsExactly("0");
        assertThat(second).doesNotExist();
        assertThat(home.processed("registry").resolve(RegistryFixtures.CSV_UTF8 + ".回执.xlsx"))
                .exists();
        assertThat(home.spool().resolve("registry/2")).doesNotExist();
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
