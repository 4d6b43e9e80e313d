package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/** {@code hhw status}, as the operator reads it from the published copy. */
class StatusTest {

    private static final String WARNINGS_TITLE = "Warnings (not failures) of the published copy: a department silent "
            + "for 35 days, a file far from its source's usual size (none = nothing to look at):";

    @TempDir
    Path dir;

    @Test
    void statusShowsTheDataWarningsOfThePublishedCopyInTheirOwnSection() throws Exception {
        // given a copy published after checks that found the registry silent for 59 days
        Home home = new Home(dir).create(Contracts.SOURCES);
        publish(home, false);

        // when
        List<String> lines = status(home);

        // then the warnings follow the failing data tests, which are none
        String sample = "source=registry, last_received=2024-01-02, days_silent=59, detail=registry has sent nothing "
                + "since 2024-01-02, 59 days before 2024-03-01 (files received in all: 1)";
        int at = lines.indexOf(WARNINGS_TITLE);
        assertThat(lines.subList(at - 4, at + 4))
                .containsExactly(
                        "Failing data tests of the published copy (none = all pass; a publish that failed on its data "
                                + "tests is listed below with their names):",
                        "test  rows  sample",
                        "----  ----  ------",
                        "",
                        WARNINGS_TITLE,
                        "warning                         rows  sample",
                        "------------------------------  ----  " + "-".repeat(sample.length()),
                        "warnings/department_silent.sql  1     " + sample);
    }

    @Test
    void aTimeOnAWholeMinuteIsShownWithItsSeconds() {
        // a report made, or a copy published, at 00:40:00 sharp: LocalDateTime's own text would say "00:40"
        assertThat(Status.time(java.time.LocalDateTime.of(2026, 12, 8, 0, 40))).isEqualTo("2026-12-08 00:40:00");
        assertThat(Status.time(java.time.LocalDateTime.of(2026, 12, 8, 0, 40, 7, 900_000_000)))
                .isEqualTo("2026-12-08 00:40:07");
    }

    @Test
    void aCopyPublishedBeforeDataWarningsExistedSaysSoInsteadOfFailing() throws Exception {
        // given a copy without the warnings' table, as published before it existed
        Home home = new Home(dir).create(Contracts.SOURCES);
        publish(home, true);

        // when
        List<String> lines = status(home);

        // then
        int at = lines.indexOf(WARNINGS_TITLE);
        assertThat(lines.get(at + 1))
                .isEqualTo("(none recorded yet: this copy was published before data warnings existed)");
    }

    /** One registry file received on 2 January 2024 and found unusable; the checks as of 1 March 2024. */
    private static void publish(Home home, boolean withoutWarnings) throws Exception {
        try (Warehouse w = Warehouse.open(
                home.warehouseDb(), new Lake(home.lake()), Gazetteer.bundled(), ContractRegistry.bundled())) {
            int fileKey = w.register("registry", "花名册.xlsx", "00", LocalDateTime.of(2024, 1, 2, 9, 0));
            w.markRejected(fileKey, "CORRUPT", "文件已损坏");
            assertThat(w.publishIfTestsPass(home.analyticsDb(), null, LocalDate.of(2024, 3, 1)))
                    .isEmpty();
        }
        if (withoutWarnings) {
            try (Connection copy = DriverManager.getConnection("jdbc:duckdb:" + home.analyticsDb());
                    Statement st = copy.createStatement()) {
                st.execute("drop table etl_data_warning");
            }
        }
    }

    /** The lines {@code hhw status} prints; only the home is needed for it. */
    private static List<String> status(Home home) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(Status.run(home, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isZero();
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
