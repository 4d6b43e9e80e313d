package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.hhw.jobs.ingest.IngestJobConfiguration;
import org.hhw.jobs.ingest.PollLoadJobConfiguration;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A poll of several files loads them together (the poll's load job), yet each file's outcome stays its own: a copy of
 * a file of the same poll is found a duplicate of it; files loaded by a poll whose publish failed are published by a
 * later poll, not loaded again; and a file the poll's load cannot take fails alone while the others are loaded,
 * published and receipted.
 */
@SpringBootTest(classes = HhwApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PollLoadTest {

    private static final Path HOME = TestHomes.create("hhw-poll-load");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hhw.home", HOME::toString);
        registry.add("hhw.settle-time", () -> "0s");
    }

    @Autowired
    Ingestor ingestor;

    @Autowired
    Home home;

    @Autowired
    Warehouse warehouse;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job ingestJob;

    @Test
    @Order(1)
    void aCopyOfAFileOfThePollIsFoundADuplicateOfIt() throws Exception {
        // given a township's registry file and a copy of it under another name, dropped together
        Path file = OnePersonRegistry.write(
                home.inbox("registry"), "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        Path copy = Files.copy(file, home.inbox("registry").resolve("南高崖乡（再次报送）.csv"));
        int loadsBefore = loads();

        // when the inbox is polled
        List<Ingestor.Run> runs = ingestor.poll();

        // then the first is loaded by the poll's load and the copy, read only once that is done, is its duplicate
        assertThat(runs)
                .extracting(r -> r.file().getFileName().toString(), Ingestor.Run::status)
                .containsExactly(
                        tuple("南高崖乡.csv", BatchStatus.COMPLETED), tuple("南高崖乡（再次报送）.csv", BatchStatus.COMPLETED));
        assertThat(rows("select f.file_name, f.status, d.file_name, f.rows_loaded from etl_file f "
                        + "left join etl_file d on d.file_key = f.duplicate_of where f.file_name like '南高崖乡%' "
                        + "order by f.file_key"))
                .containsExactly("南高崖乡.csv|LOADED|null|1", "南高崖乡（再次报送）.csv|DUPLICATE|南高崖乡.csv|0");
        assertThat(loads()).isEqualTo(loadsBefore + 1);
        assertThat(home.processed("registry").resolve("南高崖乡.csv.回执.xlsx")).exists();
        assertThat(home.processed("registry").resolve("南高崖乡（再次报送）.csv.回执.xlsx")).exists();
    }

    @Test
    @Order(2)
    void thePollsFilesLoadedWhenItsPublishFailedArePublishedAndReceiptedByALaterPollWithoutLoadingThemAgain()
            throws Exception {
        // given a warehouse that fails a data test over every row, whatever a load changes, and two townships' files
        execute("update etl_file set rows_warned = rows_warned + 1 where file_key = 1");
        List<Path> files = List.of(
                OnePersonRegistry.write(
                        home.inbox("registry"), "浑源县.csv", "14022205002000001", "新平堡镇", "黄家湾", "14022219500101014"),
                OnePersonRegistry.write(
                        home.inbox("registry"), "阳高县.csv", "14022209001000001", "逯家湾镇", "瓦夭口", "14022219550101015"));
        int loadsBefore = loads();

        // when the inbox is polled
        List<Ingestor.Run> failed = ingestor.poll();

        // then the poll's load loaded both, its publish failed, and both wait in the inbox, loaded
        assertThat(failed).extracting(Ingestor.Run::status).containsOnly(BatchStatus.FAILED);
        assertThat(loads()).isEqualTo(loadsBefore + 1);
        assertThat(files).allSatisfy(file -> assertThat(file).exists());
        assertThat(rows("select status from etl_file where file_name in ('浑源县.csv', '阳高县.csv')"))
                .containsExactly("LOADED", "LOADED");

        // when the warehouse is repaired and the inbox polled again
        execute("update etl_file set rows_warned = rows_warned - 1 where file_key = 1");
        List<Ingestor.Run> published = ingestor.poll();

        // then both are published and receipted, straight from their read: no load ran again
        assertThat(published).extracting(Ingestor.Run::status).containsOnly(BatchStatus.COMPLETED);
        assertThat(loads()).isEqualTo(loadsBefore + 1);
        for (Path file : files) {
            assertThat(file).doesNotExist();
            assertThat(home.processed("registry").resolve(file.getFileName() + ".回执.xlsx"))
                    .exists();
        }
        assertThat(rows("select count(*) from etl_file where file_name in ('浑源县.csv', '阳高县.csv')"))
                .containsExactly("2");
    }

    /** Last: the lost file stays in the inbox, and every later poll tries it again. */
    @Test
    @Order(3)
    void aFileThePollsLoadCannotTakeFailsAloneAndTheOthersAreLoaded() throws Exception {
        // given two townships' files read for a poll's load that never came (the service stopped), and one of them
        // since lost by the warehouse and by the lake's claims (no load can find its registration)
        Path good = OnePersonRegistry.write(
                home.inbox("registry"), "米薪关镇.csv", "14022210001000003", "米薪关镇", "胡家屯", "14022219700101041");
        Path lost = OnePersonRegistry.write(
                home.inbox("registry"), "贾家屯乡.csv", "14022204001000003", "贾家屯乡", "贾家屯", "14022219600101058");
        int lostKey = 0;
        for (Path file : List.of(good, lost)) {
            JobExecution run = jobOperator.start(
                    ingestJob,
                    IngestJobConfiguration.withThePollsLoad(IngestJobConfiguration.parameters("registry", file)));
            assertThat(IngestJobConfiguration.awaitsThePollsLoad(run)).isTrue();
            lostKey = IngestJobConfiguration.fileKey(run);
        }
        execute("delete from etl_file where file_key = " + lostKey);
        Files.delete(home.lake()
                .resolve("source=registry")
                .resolve("file_key=" + lostKey)
                .resolve("claim.properties"));
        int loadsBefore = loads();

        // when the inbox is polled
        List<Ingestor.Run> runs = ingestor.poll();

        // then the poll's load failed, and each file was loaded on its own: the good one is loaded, published and
        // receipted, the lost one failed alone and waits in the inbox
        assertThat(loads()).isEqualTo(loadsBefore + 1);
        assertThat(jobRepository
                        .getLastJobExecution(jobRepository.getLastJobInstance(PollLoadJobConfiguration.JOB_NAME))
                        .getStatus())
                .isEqualTo(BatchStatus.FAILED);
        assertThat(runs)
                .extracting(r -> r.file().getFileName().toString(), Ingestor.Run::status)
                .containsExactly(tuple("米薪关镇.csv", BatchStatus.COMPLETED), tuple("贾家屯乡.csv", BatchStatus.FAILED));
        assertThat(good).doesNotExist();
        assertThat(home.processed("registry").resolve("米薪关镇.csv.回执.xlsx")).exists();
        assertThat(lost).exists();
        assertThat(runs.get(1).failure()).contains("no etl_file " + lostKey);
        assertThat(rows("select file_name, status from etl_file where file_name in ('米薪关镇.csv', '贾家屯乡.csv')"))
                .containsExactly("米薪关镇.csv|LOADED");
        assertThat(HhwProcesses.query(home.analyticsDb(), "select count(*) from dim_household where township = '米薪关镇'"))
                .containsExactly("1");
    }

    private int loads() {
        return jobRepository.findJobInstances(PollLoadJobConfiguration.JOB_NAME).size();
    }

    private void execute(String sql) throws Exception {
        try (Statement st = warehouse.connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> rows(String sql) throws Exception {
        return HhwProcesses.rows(warehouse.connectionForTests(), sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
