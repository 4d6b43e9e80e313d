package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data warnings (sql/warnings): recorded in etl_data_warning when the data tests run, never failing a run. */
class DataWarningsTest {

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void aDepartmentSilentFor35DaysIsWarnedOfButNotOneSilentFor34() {
        // given the registry's last file received on 2 March 2024 (and no department's ever)
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 2, 17, 30));

        // when the checks run 34 days later, then 35
        List<DataTestFailure> after34 = loads.warehouse().runDataTests(LocalDate.of(2024, 4, 5));
        List<List<Object>> warned34 = loads.rows("select warning from etl_data_warning");
        List<DataTestFailure> after35 = loads.warehouse().runDataTests(LocalDate.of(2024, 4, 6));

        // then only the second is warned of, and neither fails
        assertThat(after34).isEmpty();
        assertThat(warned34).isEmpty();
        assertThat(after35).isEmpty();
        assertThat(loads.rows("select warning, rows, sample, checked_at is not null from etl_data_warning"))
                .containsExactly(row(
                        "warnings/department_silent.sql",
                        1L,
                        "source=registry, last_received=2024-03-02, "
                                + "days_silent=35, detail=registry has sent nothing since 2024-03-02, 35 days before 2024-04-06 "
                                + "(files received in all: 2)",
                        true));
    }

    @Test
    void aFileFarFromTheMeanOfItsSourcesFourPreviousFilesIsWarnedOf() {
        // given four files of 6 rows read, a fifth of 9 (+50%, just inside), a sixth of 2 against a mean of 6.75
        for (int i = 1; i <= 4; i++) {
            loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, i, 9, 0));
        }
        loads.load(RegistryFiles.withProblems(dir), LocalDateTime.of(2024, 3, 5, 9, 0));
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 6, 9, 0));
        assertThat(loads.rows("select rows_read from etl_file order by file_key"))
                .containsExactly(row(6L), row(6L), row(6L), row(6L), row(9L), row(2L));

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests(LocalDate.of(2024, 3, 6));

        // then the sixth is warned of, and nothing fails
        assertThat(failures).isEmpty();
        assertThat(loads.rows("select warning, rows, sample from etl_data_warning"))
                .containsExactly(
                        row(
                                "warnings/file_volume.sql",
                                1L,
                                "file_key=6, source=registry, rows_read=2, previous_mean=6.8, "
                                        + "detail=米薪关镇花名册.csv: 2 rows read, -70% against 6.8, the mean of registry files 2, 3, 4, 5"));
    }

    @Test
    void theLatestRunReplacesTheRecordedWarnings() {
        // given a warning recorded
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        loads.warehouse().runDataTests(LocalDate.of(2024, 6, 1));
        assertThat(loads.rows("select warning from etl_data_warning"))
                .containsExactly(row("warnings/department_silent.sql"));

        // when the checks run again the day after the file came
        loads.warehouse().runDataTests(LocalDate.of(2024, 3, 2));

        // then
        assertThat(loads.rows("select warning from etl_data_warning")).isEmpty();
    }
}
