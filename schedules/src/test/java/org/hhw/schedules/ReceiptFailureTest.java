package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** A step that can only fail the same way is not retried at every poll for ever. */
@SpringBootTest(classes = HhwApplication.class)
class ReceiptFailureTest {

    private static final Path HOME = TestHomes.create("hhw-receipt-failure");

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
    void aLoadedFileWhoseReceiptCannotBeWrittenIsDeliveredWithANoteInsteadOfRetriedForEver() throws Exception {
        // given a file whose receipt can never be written (its temporary name is taken by a folder)
        Path file = OnePersonRegistry.write(
                home.inbox("registry"), "阳高.csv", "14022204001000001", "贾家屯乡", "贾家屯", "14022219600101018");
        Files.writeString(
                Files.createDirectories(home.processed("registry").resolve("阳高.csv.回执.xlsx.tmp"))
                        .resolve("占位"),
                "x");

        // when it is ingested once more than the attempt limit
        List<Ingestor.Run> runs = new ArrayList<>();
        for (int attempt = 0; attempt <= Ingestor.MAX_ATTEMPTS; attempt++) {
            runs.add(ingestor.ingest("registry", file));
        }

        // then the attempts failed at the receipt, and the last delivered the file with a note, loaded
        assertThat(runs.subList(0, Ingestor.MAX_ATTEMPTS))
                .extracting(Ingestor.Run::status)
                .containsOnly(BatchStatus.FAILED);
        assertThat(runs.get(Ingestor.MAX_ATTEMPTS).exitCode()).isEqualTo("NO_RECEIPT");
        assertThat(file).doesNotExist();
        assertThat(home.processed("registry").resolve("阳高.csv")).exists();
        assertThat(Files.readString(home.processed("registry").resolve("阳高.csv.说明.txt")))
                .contains("RECEIPT_FAILED", "文件中的数据已入库");
        assertThat(warehouse.loadedWithSha(
                        Intake.sha256(home.processed("registry").resolve("阳高.csv"))))
                .isPresent();
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
