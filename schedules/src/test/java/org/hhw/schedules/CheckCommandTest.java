package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hhw check}: the full check of the published copy, printed and logged for {@code hhw status}. */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void passesOnASoundCopyAndFailsNamingTheTestOnADamagedOne() throws Exception {
        // given a published copy of a home with one unusable file
        Home home = new Home(dir).create(Contracts.SOURCES);
        try (Warehouse w = Warehouse.open(
                home.warehouseDb(), new Lake(home.lake()), Gazetteer.bundled(), ContractRegistry.bundled())) {
            int fileKey = w.register("registry", "花名册.xlsx", "00", LocalDateTime.of(2024, 1, 2, 9, 0));
            w.markRejected(fileKey, "CORRUPT", "文件已损坏");
            assertThat(w.publishIfTestsPass(home.analyticsDb(), null, LocalDate.of(2024, 1, 3)))
                    .isEmpty();

            // when it is checked
            ByteArrayOutputStream sound = new ByteArrayOutputStream();
            int passed = CheckCommand.run(home, new PrintStream(sound, true, StandardCharsets.UTF_8));

            // then it passes, and the log says so
            assertThat(passed).isZero();
            assertThat(sound.toString(StandardCharsets.UTF_8)).contains("Passed in ");
            assertThat(CheckCommand.last(home)).contains(" passed ");
        }
        // when a row of the copy breaks the row accounting (a copy gone wrong), and it is checked again
        try (Connection copy = DriverManager.getConnection("jdbc:duckdb:" + home.analyticsDb());
                Statement st = copy.createStatement()) {
            st.execute("update etl_file set status = 'LOADED', rows_read = 5");
        }
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        int failed = CheckCommand.run(home, new PrintStream(damaged, true, StandardCharsets.UTF_8));

        // then it fails naming the test, and the log keeps both lines
        assertThat(failed).isEqualTo(1);
        assertThat(damaged.toString(StandardCharsets.UTF_8))
                .contains("tests/etl_file_row_accounting.sql")
                .contains("FAILED in ");
        List<String> log = Files.readAllLines(home.state().resolve(CheckCommand.LOG));
        assertThat(log).hasSize(2);
        assertThat(log.get(1)).contains("\tFAILED\t").contains("tests/etl_file_row_accounting.sql");
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        Status.run(home, new PrintStream(status, true, StandardCharsets.UTF_8));
        assertThat(status.toString(StandardCharsets.UTF_8).lines())
                .filteredOn(l -> l.startsWith("Last full check of the published copy"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(" FAILED ").contains("tests/etl_file_row_accounting.sql"));
    }

    @Test
    void saysThereIsNothingToCheckBeforeTheFirstPublish() {
        // given a home never published
        Home home = new Home(dir).create(Contracts.SOURCES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when / then
        assertThat(CheckCommand.run(home, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Nothing to check: no published copy at ");
    }
}
