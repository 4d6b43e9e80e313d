package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
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
 * Every path that publishes passes the same gate: after a load that failed its data tests, a
 * duplicate file and an unusable file fail at the gate too, the analysts' copy untouched and the
 * files left in the inbox; once the cause is repaired, both restart at their step, complete and publish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishGateIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-publish-gate");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/registry");
    private static final String FAILING_TESTS = "tests/dim_household_one_current_version.sql returned 1 rows; "
            + "mart_household_year.unique(household_id, year) returned 2 rows";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "publish-gate");
    }

    private static byte[] publishedAfterFirstLoad;
    private static Path failedLoad;
    private static Path duplicate;
    private static Path unusable;

    @Test
    @Order(1)
    void afterAFailedLoadADuplicateFileFailsAtTheGateAndTheAnalystsCopyIsUnchanged() throws Exception {
        // given a registry file loaded and published, then a household given a second current version, so the
        // next load fails its data tests
        Path first = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.XLSX));
        assertThat(ingest(first).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        publishedAfterFirstLoad = Files.readAllBytes(home.analyticsDb());
        IngestTestSupport.execute(warehouse, IngestTestSupport.SECOND_CURRENT_HOUSEHOLD);
        failedLoad = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.CSV_UTF8));
        assertThat(ingest(failedLoad).getStatus()).isEqualTo(BatchStatus.FAILED);

        // when the first file's content arrives again under another name
        duplicate = home.inbox("registry").resolve("花名册副本.xlsx");
        Files.copy(FIXTURES.resolve(RegistryFixtures.XLSX), duplicate);
        JobExecution run = ingest(duplicate);

        // then its run fails at the duplicate step's gate, naming the tests
        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getStepExecutions())
                .extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(
                        tuple("ingestArchiveStep", BatchStatus.COMPLETED),
                        tuple("ingestDuplicateStep", BatchStatus.FAILED));
        assertThat(run.getAllFailureExceptions())
                .extracting(Throwable::getMessage)
                .containsExactly(
                        "data tests failed after recording file 3 as a duplicate of file 1 (not published, no receipt yet): "
                                + FAILING_TESTS);
        // and the warehouse records the duplicate, but the analysts' copy is byte for byte the one before
        assertThat(rows("select file_key, status, duplicate_of from etl_file order by file_key"))
                .containsExactly("1|LOADED|null", "2|LOADED|null", "3|DUPLICATE|1");
        assertThat(Files.readAllBytes(home.analyticsDb())).isEqualTo(publishedAfterFirstLoad);
        // and the file waits in the inbox without a receipt
        assertThat(duplicate).exists();
        assertThat(home.processed("registry").resolve("花名册副本.xlsx.回执.xlsx")).doesNotExist();
    }

    @Test
    @Order(2)
    void afterAFailedLoadAnUnusableFileFailsAtTheGateAndTheAnalystsCopyIsUnchanged() throws Exception {
        // given the failed load of order 1 still unrepaired, and half of a workbook
        byte[] xlsx = Files.readAllBytes(FIXTURES.resolve(RegistryFixtures.XLSX));
        unusable = home.inbox("registry").resolve("坏文件.xlsx");
        Files.write(unusable, Arrays.copyOf(xlsx, xlsx.length / 2));

        // when it is ingested
        JobExecution run = ingest(unusable);

        // then its run fails at the unusable step's gate, naming the tests (beside the read step's finding)
        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getStepExecutions())
                .extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(
                        tuple("ingestArchiveStep", BatchStatus.COMPLETED),
                        tuple("ingestReadStep", BatchStatus.ABANDONED),
                        tuple("ingestUnusableStep", BatchStatus.FAILED));
        assertThat(run.getAllFailureExceptions())
                .extracting(Throwable::getMessage)
                .containsExactlyInAnyOrder(
                        "CORRUPT: 文件已损坏，无法打开。请用Excel或WPS重新保存后再发送。",
                        "data tests failed after rejecting file 4 as CORRUPT (not published, the file not yet moved to "
                                + "rejected/): " + FAILING_TESTS);
        // and the warehouse records the rejection, but the analysts' copy is byte for byte the one before
        assertThat(rows("select file_key, status, error_code from etl_file where file_key = 4"))
                .containsExactly("4|REJECTED|CORRUPT");
        assertThat(Files.readAllBytes(home.analyticsDb())).isEqualTo(publishedAfterFirstLoad);
        // and the file waits in the inbox, no note written for the clerk
        assertThat(unusable).exists();
        assertThat(home.rejected("registry")).isEmptyDirectory();
    }

    @Test
    @Order(3)
    void onceRepairedTheDuplicateAndTheUnusableFileRestartAtTheirStepCompleteAndPublish() throws Exception {
        // given the cause repaired
        IngestTestSupport.execute(warehouse, IngestTestSupport.REPAIR);

        // when the duplicate is launched again
        JobExecution duplicateRun = ingest(duplicate);

        // then it restarts at its step, publishes and gets its receipt
        assertThat(duplicateRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(duplicateRun.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .containsExactly("ingestDuplicateStep");
        assertThat(IngestTestSupport.published(home, "select file_key, status from etl_file order by file_key"))
                .containsExactly("1|LOADED", "2|LOADED", "3|DUPLICATE", "4|REJECTED");
        assertThat(IngestTestSupport.published(home, "select count(*) from etl_data_test"))
                .containsExactly("0");
        assertThat(duplicate).doesNotExist();
        assertThat(home.processed("registry").resolve("花名册副本.xlsx.回执.xlsx")).exists();

        // when the unusable file is launched again
        JobExecution unusableRun = ingest(unusable);

        // then it restarts at its step, publishes and goes to rejected/ with its note
        assertThat(unusableRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(unusableRun.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .containsExactly("ingestUnusableStep");
        assertThat(IngestTestSupport.published(
                        home, "select file_key, status, error_code from etl_file where file_key = 4"))
                .containsExactly("4|REJECTED|CORRUPT");
        assertThat(unusable).doesNotExist();
        assertThat(home.rejected("registry").resolve("坏文件.xlsx")).exists();
        assertThat(Files.readString(home.rejected("registry").resolve("坏文件.xlsx.说明.txt")))
                .contains("CORRUPT");

        // and the failed load, launched again, completes as well
        assertThat(ingest(failedLoad).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(failedLoad).doesNotExist();
    }

    private JobExecution ingest(Path file) throws Exception {
        return IngestTestSupport.ingest(jobOperator, ingestJob, "registry", file);
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
