package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A delivery cut short after the archived copy took the clerk's file's place in the inbox (see
 * {@link Intake#deliver}) leaves a file the restarted run knows as the same one: same content, same
 * modification time, so the same job parameters. Its run resumes, the file is not taken for a
 * duplicate of itself, and processed/ gets it once, under its own name.
 */
@SpringBootTest(classes = HhwApplication.class)
class DeliveryRestartTest {

    private static final Path HOME = TestHomes.create("hhw-delivery-restart");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hhw.home", HOME::toString);
    }

    @Autowired
    Ingestor ingestor;

    @Autowired
    Warehouse warehouse;

    @Autowired
    Home home;

    @Test
    void aRunWhoseDeliveryWasCutShortResumesAndDeliversTheFileOnceUnderItsName() throws Exception {
        // given a loaded file whose run failed at its receipt (the receipt's temporary name taken by a folder)
        Path file = OnePersonRegistry.write(
                home.inbox("registry"), "天镇.csv", "14022204001000001", "贾家屯乡", "贾家屯", "14022219600101018");
        String sha256 = Intake.sha256(file);
        Path receiptBlocker = Files.writeString(
                Files.createDirectories(home.processed("registry").resolve("天镇.csv.回执.xlsx.tmp"))
                        .resolve("占位"),
                "x");
        assertThat(ingestor.ingest("registry", file).status()).isEqualTo(BatchStatus.FAILED);
        deleteFolder(receiptBlocker.getParent());
        // and a delivery of it stopped at its last step, after the archived copy replaced the clerk's file
        Path blocked = home.processed("registry").resolve("占位");
        Files.writeString(Files.createDirectories(blocked).resolve("占位"), "x");
        assertThatThrownBy(() -> new Intake(home).deliver(file, sha256, blocked))
                .isInstanceOf(UncheckedIOException.class);
        deleteFolder(blocked);
        Path archived = home.archive().resolve(sha256 + ".csv");
        assertThat(Files.isSameFile(file, archived)).isTrue();

        // when the file is ingested again
        Ingestor.Run again = ingestor.ingest("registry", file);

        // then its run resumes and completes (not a new run finding it a duplicate of itself)
        assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.exitCode()).isEqualTo("COMPLETED");
        assertThat(HhwProcesses.rows(
                        warehouse.connectionForTests(),
                        "select count(*), min(status) from etl_file where file_name = '天镇.csv'"))
                .containsExactly("1|LOADED");
        // and the file is in processed/ once, under its name, beside its receipt: the archived copy
        assertThat(file).doesNotExist();
        try (Stream<Path> processed = Files.list(home.processed("registry"))) {
            assertThat(processed.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("天镇.csv", "天镇.csv.回执.xlsx");
        }
        assertThat(Files.isSameFile(home.processed("registry").resolve("天镇.csv"), archived))
                .isTrue();
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
