package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.jobs.ingest.PollLoadJobConfiguration;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.sources.clean.ResidentIds;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduled poll takes a file only once it has stopped changing, and ignores editors' lock files; the files of
 * one poll are loaded together and published once, together, before their receipts.
 */
@SpringBootTest(classes = HhwApplication.class)
class InboxPollTest {

    private static final Path HOME = TestHomes.create("hhw-poll");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hhw.home", HOME::toString);
        registry.add("hhw.settle-time", () -> "2s");
    }

    @Autowired
    Ingestor ingestor;

    @Autowired
    Home home;

    @Autowired
    JobRepository jobRepository;

    @Test
    void aFileStillBeingWrittenIsLeftAloneUntilItSettles() throws Exception {
        // given a registry file just written, and an Excel lock file beside it
        String first17 = "14022219800101017";
        Path file = home.inbox("registry").resolve("花名册.csv");
        Files.writeString(
                file,
                "户编号,乡镇,行政村,姓名,证件号码,与户主关系\r\n14022203001000001,南高崖乡,南高崖,白一," + first17 + ResidentIds.checkChar(first17)
                        + ",户主\r\n",
                StandardCharsets.UTF_8);
        Path lock = home.inbox("registry").resolve("~$花名册.xlsx");
        Files.writeString(lock, "lock");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));

        // when the inbox is polled while the file is fresh
        List<Ingestor.Run> fresh = ingestor.poll();

        // then nothing is taken
        assertThat(fresh).isEmpty();
        assertThat(file).exists();

        // when it has not changed for longer than the settle time
        Thread.sleep(2_500);
        List<Ingestor.Run> settled = ingestor.poll();

        // then it is ingested, and the lock file is still ignored
        assertThat(settled)
                .extracting(r -> r.file().getFileName().toString(), Ingestor.Run::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("花名册.csv", BatchStatus.COMPLETED));
        assertThat(home.processed("registry").resolve("花名册.csv.回执.xlsx")).exists();
        assertThat(lock).exists();
        assertThat(ingestor.poll()).isEmpty();
    }

    @Test
    void aFileWithALongNameIsLoadedAndItsReceiptNamedWithinTheLimit() throws Exception {
        // given a registry file whose name is 80 Chinese characters (legal; with .回执.xlsx it would not be)
        String stem = "天镇县".repeat(26) + "名册";
        String first17 = "14022219800101025";
        Path file = home.inbox("registry").resolve(stem + ".csv");
        Files.writeString(
                file,
                "户编号,乡镇,行政村,姓名,证件号码,与户主关系\r\n14022203001000002,南高崖乡,南高崖,白二," + first17 + ResidentIds.checkChar(first17)
                        + ",户主\r\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));

        // when the inbox is polled
        List<Ingestor.Run> runs = ingestor.poll();

        // then it is loaded, moved to processed/ under its own name, and its receipt is there under a shortened one
        assertThat(runs).extracting(Ingestor.Run::status).containsExactly(BatchStatus.COMPLETED);
        assertThat(home.processed("registry").resolve(stem + ".csv")).exists();
        try (Stream<Path> receipts = Files.list(home.processed("registry"))) {
            assertThat(receipts.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".回执.xlsx"))
                            .filter(n -> n.startsWith(stem.substring(0, 60))))
                    .singleElement()
                    .satisfies(n -> assertThat(n).endsWith("….回执.xlsx"));
        }
        assertThat(ingestor.poll()).isEmpty();
    }

    @Test
    void theFilesOfOnePollArePublishedOnceAllTogetherThenReceipted() throws Exception {
        // given three townships' registry files that have stopped changing
        List<Path> files = List.of(
                settled(OnePersonRegistry.write(
                        home.inbox("registry"), "南高崖乡.csv", "14022203001000003", "南高崖乡", "南高崖", "14022219800101033")),
                settled(OnePersonRegistry.write(
                        home.inbox("registry"), "米薪关镇.csv", "14022210001000003", "米薪关镇", "胡家屯", "14022219700101041")),
                settled(OnePersonRegistry.write(
                        home.inbox("registry"), "贾家屯乡.csv", "14022204001000003", "贾家屯乡", "贾家屯", "14022219600101058")));
        int publishesBefore = publishes();

        // when the inbox is polled
        List<Ingestor.Run> runs = ingestor.poll();

        // then each file is loaded (by one load job for the three of them) and receipted, after one publish for the
        // three of them
        assertThat(runs)
                .extracting(Ingestor.Run::status)
                .containsOnly(BatchStatus.COMPLETED)
                .hasSize(3);
        assertThat(jobRepository
                        .getLastJobExecution(jobRepository.getLastJobInstance(PollLoadJobConfiguration.JOB_NAME))
                        .getJobParameters()
                        .getLong(PollLoadJobConfiguration.FILES))
                .isEqualTo(3L);
        assertThat(publishes()).isEqualTo(publishesBefore + 1);
        JobExecution publish =
                jobRepository.getLastJobExecution(jobRepository.getLastJobInstance(PublishJobConfiguration.JOB_NAME));
        assertThat(publish.getJobParameters().getLong(PublishJobConfiguration.FILES))
                .isEqualTo(3L);
        assertThat(publish.getStepExecutions())
                .singleElement()
                .satisfies(step ->
                        assertThat(step.getExitStatus().getExitDescription()).matches("published 3 files in \\d+ ms"));
        for (Path file : files) {
            assertThat(file).doesNotExist();
            assertThat(home.processed("registry").resolve(file.getFileName() + ".回执.xlsx"))
                    .exists();
            // and each receipt, written beside another's (two at a time), is its own file's
            assertThat(receiptText(home.processed("registry").resolve(file.getFileName() + ".回执.xlsx")))
                    .contains(file.getFileName().toString())
                    .doesNotContain(files.stream()
                            .filter(other -> !other.equals(file))
                            .map(other -> other.getFileName().toString())
                            .toArray(String[]::new));
            // and each receipt was written after that publish had ended
            assertThat(Files.getLastModifiedTime(home.processed("registry").resolve(file.getFileName() + ".回执.xlsx"))
                            .toInstant())
                    .isAfterOrEqualTo(publish.getEndTime()
                            .atZone(java.time.ZoneId.systemDefault())
                            .toInstant()
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    /** Every cell of a receipt's first sheet, as text. */
    private static String receiptText(Path receipt) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(receipt))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    text.append(new DataFormatter().formatCellValue(cell)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private int publishes() {
        return jobRepository.findJobInstances(PublishJobConfiguration.JOB_NAME).size();
    }

    private static Path settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    @Test
    void aSymbolicLinkOrAFolderInAnInboxIsRefusedUnread() throws Exception {
        // given a secret outside the inbox, a link to it and a folder dropped into the medical inbox
        Path secret = Files.writeString(
                HOME.resolveSibling(HOME.getFileName() + ".secret"), "root:$6$secret", StandardCharsets.UTF_8);
        Path link = Files.createSymbolicLink(home.inbox("medical").resolve("结算明细.csv"), secret);
        Path folder = Files.createDirectories(home.inbox("medical").resolve("十月"));

        // when the inbox is polled
        List<Ingestor.Run> runs = ingestor.poll();

        // then neither is ingested: both are in rejected/ as they were, each with a note, and nothing was archived
        assertThat(runs).isEmpty();
        assertThat(link).doesNotExist();
        assertThat(folder).doesNotExist();
        Path rejectedLink = home.rejected("medical").resolve("结算明细.csv");
        assertThat(Files.isSymbolicLink(rejectedLink)).isTrue();
        assertThat(Files.readString(home.rejected("medical").resolve("结算明细.csv.说明.txt")))
                .contains("NOT_A_FILE", "一个快捷方式（链接）");
        assertThat(Files.readString(home.rejected("medical").resolve("十月.说明.txt")))
                .contains("一个文件夹");
        try (Stream<Path> archived = Files.list(home.archive())) {
            assertThat(archived.filter(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.ISO_8859_1)
                                    .contains("root:$6$secret");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .isEmpty();
        }
        Files.delete(secret);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
