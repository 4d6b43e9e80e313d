package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.hhw.jobs.publish.PublishJobConfiguration;
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
 * A poll publishes once, for every file it found, whatever became of each (loaded, a duplicate, unusable): analysts
 * see all of them or none. When the publish fails its data tests, every file of the poll waits in the inbox, its run
 * stopped, the analysts' copy untouched; once the cause is repaired, the next poll publishes them all at once, then
 * delivers each: the receipts, the note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishGateIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-publish-gate");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/registry");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "publish-gate");
    }

    private static List<Path> files;

    @Test
    @Order(1)
    void whenThePublishFailsEveryFileOfThePollWaitsAndTheAnalystsCopyIsUnchanged() throws Exception {
        // given a registry file loaded and published, then its counts spoiled, so the next publish fails its
        // data tests
        Path first = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.XLSX));
        assertThat(pollOf("registry", first).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] publishedAfterFirstLoad = Files.readAllBytes(home.analyticsDb());
        IngestTestSupport.execute(warehouse, IngestTestSupport.MISCOUNTED_FILE);
        // and in the inbox a new file, the first file's content under another name, and half of a workbook
        Path load = IngestTestSupport.drop(home, "registry", FIXTURES.resolve(RegistryFixtures.CSV_UTF8));
        Path duplicate = home.inbox("registry").resolve("花名册副本.xlsx");
        Files.copy(FIXTURES.resolve(RegistryFixtures.XLSX), duplicate);
        byte[] xlsx = Files.readAllBytes(FIXTURES.resolve(RegistryFixtures.XLSX));
        Path unusable = home.inbox("registry").resolve("坏文件.xlsx");
        Files.write(unusable, Arrays.copyOf(xlsx, xlsx.length / 2));
        files = List.of(load, duplicate, unusable);

        // when they are ingested by one poll
        IngestTestSupport.Poll poll = poll("registry", files);

        // then each run stopped once its file was recorded: loaded, a duplicate, rejected as CORRUPT
        assertThat(poll.ingested()).extracting(JobExecution::getStatus).containsOnly(BatchStatus.STOPPED);
        assertThat(poll.ingested())
                .extracting(run -> run.getStepExecutions().stream()
                        .map(StepExecution::getStepName)
                        .toList())
                .containsExactly(
                        List.of("ingestArchiveStep", "ingestReadStep", "ingestLoadStep"),
                        List.of("ingestArchiveStep", "ingestDuplicateStep"),
                        List.of("ingestArchiveStep", "ingestReadStep", "ingestUnusableStep"));
        // and the poll's one publish failed, naming the tests
        assertThat(poll.publish().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(poll.publish().getAllFailureExceptions())
                .extracting(Throwable::getMessage)
                .containsExactly(
                        "data tests failed at the publish of 3 files (loaded or recorded, not published; "
                                + "no receipt or note yet, waiting in the inbox): tests/etl_file_matches_lake.sql returned 1 rows");
        assertThat(poll.delivered()).isEmpty();
        // and the warehouse records all three, but the analysts' copy is byte for byte the one before
        assertThat(rows("select file_key, status, duplicate_of, error_code from etl_file order by file_key"))
                .containsExactly(
                        "1|LOADED|null|null", "2|LOADED|null|null", "3|DUPLICATE|1|null", "4|REJECTED|null|CORRUPT");
        assertThat(Files.readAllBytes(home.analyticsDb())).isEqualTo(publishedAfterFirstLoad);
        // and every file waits in the inbox, without a receipt or a note
        assertThat(files).allMatch(Files::exists);
        assertThat(home.processed("registry").resolve("花名册副本.xlsx.回执.xlsx")).doesNotExist();
        assertThat(home.rejected("registry")).isEmptyDirectory();
    }

    @Test
    @Order(2)
    void onceRepairedTheNextPollPublishesEveryWaitingFileAtOnceThenDeliversEach() throws Exception {
        // given the cause repaired
        IngestTestSupport.execute(warehouse, IngestTestSupport.REPAIR);

        // when the inbox is polled again
        IngestTestSupport.Poll poll = poll("registry", files);

        // then one publish passes for the three, and each run restarts at its receipt or reject step
        assertThat(poll.ingested()).isEmpty();
        assertThat(poll.publish().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(poll.publish().getJobParameters().getLong(PublishJobConfiguration.FILES))
                .isEqualTo(3L);
        assertThat(poll.delivered())
                .extracting(run -> run.getStepExecutions().stream()
                        .map(s -> s.getStepName() + " " + s.getStatus())
                        .toList())
                .containsExactly(
                        List.of("ingestReceiptStep COMPLETED"),
                        List.of("ingestReceiptStep COMPLETED"),
                        List.of("ingestRejectStep COMPLETED"));
        assertThat(IngestTestSupport.published(
                        home, "select file_key, status, error_code from etl_file order by file_key"))
                .containsExactly("1|LOADED|null", "2|LOADED|null", "3|DUPLICATE|null", "4|REJECTED|CORRUPT");
        assertThat(IngestTestSupport.published(home, "select count(*) from etl_data_test"))
                .containsExactly("0");
        // and each file left the inbox: the load and the duplicate with their receipts, the unusable with its note
        assertThat(files).noneMatch(Files::exists);
        assertThat(home.processed("registry").resolve(RegistryFixtures.CSV_UTF8 + ".回执.xlsx"))
                .exists();
        assertThat(home.processed("registry").resolve("花名册副本.xlsx.回执.xlsx")).exists();
        assertThat(home.rejected("registry").resolve("坏文件.xlsx")).exists();
        assertThat(Files.readString(home.rejected("registry").resolve("坏文件.xlsx.说明.txt")))
                .contains("CORRUPT");
        // and the home has published three times in all: the first file, the failed poll, this one
        assertThat(jobRepository.getJobInstanceCount(PublishJobConfiguration.JOB_NAME))
                .isEqualTo(3);
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
