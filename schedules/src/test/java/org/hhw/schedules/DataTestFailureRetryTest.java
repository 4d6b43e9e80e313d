package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A loaded file whose publish keeps failing on a data test is not set aside after the usual
 * attempts (its note would say nothing was loaded): it waits in the inbox for the operator.
 */
@SpringBootTest(classes = HhwApplication.class)
class DataTestFailureRetryTest {

    private static final Path HOME = TestHomes.create("hhw-data-test-retry");

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
    void aLoadedFileFailingItsDataTestsStaysInTheInboxBeyondTheAttemptLimit() throws Exception {
        // given one township's registry loaded, then its counts spoiled behind the job's back
        assertThat(ingestor.ingest(
                                "registry",
                                registryFile("南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017"))
                        .status())
                .isEqualTo(BatchStatus.COMPLETED);
        try (Statement st = warehouse.connectionForTests().createStatement()) {
            st.execute("update etl_file set rows_warned = rows_warned + 1 where file_key = 1");
        }
        Path second = registryFile("米薪关镇.csv", "14022210001000001", "米薪关镇", "米薪关", "14022219700101023");

        // when it is ingested once more than the attempt limit
        List<Ingestor.Run> runs = new ArrayList<>();
        for (int attempt = 0; attempt <= Ingestor.MAX_ATTEMPTS; attempt++) {
            runs.add(ingestor.ingest("registry", second));
        }

        // then every attempt failed on the data test, none set the file aside, and it waits in the inbox
        assertThat(runs)
                .extracting(Ingestor.Run::status, Ingestor.Run::exitCode)
                .containsOnly(tuple(BatchStatus.FAILED, "FAILED"));
        assertThat(runs.get(Ingestor.MAX_ATTEMPTS).failure()).contains("tests/etl_file_matches_lake.sql");
        assertThat(second).exists();
        assertThat(home.rejected("registry")).isEmptyDirectory();
    }

    private Path registryFile(String name, String household, String township, String village, String first17)
            throws IOException {
        return OnePersonRegistry.write(home.inbox("registry"), name, household, township, village, first17);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
