package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.warehouse.RegistryLoads.personIdHash;
import static org.hhw.warehouse.RegistryLoads.row;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTestsTest {

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 2, 9, 0));
        loads.load(RegistryFiles.yuquanCorrected(dir), LocalDateTime.of(2024, 6, 1, 10, 0));
        loads.warehouse().buildMarts();
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void goodLoadsPassEveryDataTest() {
        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
        assertThat(loads.rows("select * from etl_data_test")).isEmpty();
    }

    @Test
    void secondCurrentVersionOfAPersonIsReportedAndRecorded() throws Exception {
        // given: 李秀英 (person_key 2) gets a second current version
        execute("insert into dim_person select 11, person_id_hash, id_masked, name, sex, birth_date, is_registered, "
                + "household_id, township_key, village_key, relation, labour_capacity, health, schooling, "
                + "timestamp '2024-07-01 00:00:00', null, true, file_key, sheet, row_number "
                + "from dim_person where person_key = 2");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        String sample = "person_id_hash=" + personIdHash(RegistryFiles.LI_XIUYING) + ", current_versions=2";
        assertThat(failures)
                .containsExactly(new DataTestFailure("tests/dim_person_one_current_version.sql", 1, List.of(sample)));
        assertThat(loads.rows("select test, rows, sample, checked_at is not null from etl_data_test"))
                .containsExactly(row("tests/dim_person_one_current_version.sql", 1L, sample, true));
    }

    @Test
    void rawResidentIdInARejectMessageIsReported() throws Exception {
        // given a rejected row, counted in its file as such, whose message quotes the raw ID (a reject the lake lacks)
        execute("insert into etl_reject values (3, '玉泉镇花名册（更正）', 9, '证件号码', '140222********0117', "
                + "'ID_CHECKSUM', '身份证号码“140222196503120117”校验不通过。')");
        execute("update etl_file set rows_rejected = rows_rejected + 1, rows_read = rows_read + 1 where file_key = 3");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(
                        new DataTestFailure(
                                "tests/etl_file_matches_lake.sql",
                                1,
                                List.of(
                                        "file_key=3, source=registry, rows_loaded=5, lake_loaded=5, rows_rejected=1, lake_rejected=0, "
                                                + "rows_non_data=0, lake_non_data=0, rows_warned=0, lake_warned=0")),
                        new DataTestFailure(
                                "tests/no_raw_resident_id.sql",
                                1,
                                List.of(
                                        "model=etl_reject, file_key=3, sheet=玉泉镇花名册（更正）, row_number=9, raw_value=140222********0117, "
                                                + "message=身份证号码“140222196503120117”校验不通过。")));
    }

    @Test
    void aFileWhoseCountsDisagreeWithItsRecordedRowsIsReported() throws Exception {
        // given a non-data row recorded for file 1 that its counts do not include
        execute("insert into etl_non_data values (1, '玉泉镇', 99, 'blank')");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .extracting(DataTestFailure::test, DataTestFailure::rows)
                .containsExactly(tuple("tests/etl_file_row_accounting.sql", 1L));
        assertThat(failures.get(0).sample())
                .singleElement()
                .asString()
                .startsWith("file_key=1, ")
                .endsWith("rejects_found=0, non_data_found=1, facts_found=0");
    }

    @Test
    void aCodeOutsideItsListIsReported() throws Exception {
        // given a person whose labour capacity is no code of the list
        execute("update dim_person set labour_capacity = '普通劳动力' where person_key = 2");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(new DataTestFailure(
                        "tests/registry_accepted_values.sql",
                        1,
                        List.of("model=dim_person, key=2, domain=labour_capacity, code=普通劳动力, rows=1")));
    }

    @Test
    void latestRunReplacesTheRecordedFailures() throws Exception {
        // given
        execute("update dim_household set is_current = false where household_key = 2");
        assertThat(loads.warehouse().runDataTests())
                .extracting(DataTestFailure::test)
                .containsExactly(
                        "tests/current_person_has_current_household.sql", "tests/scd2_intervals_well_formed.sql");
        execute("update dim_household set is_current = true where household_key = 2");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
        assertThat(loads.rows("select * from etl_data_test")).isEmpty();
    }

    private void execute(String sql) throws Exception {
        try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }
}
