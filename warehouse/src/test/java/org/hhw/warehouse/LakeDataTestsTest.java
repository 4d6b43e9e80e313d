package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.hhw.sources.clean.ResidentIds;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data tests that hold the warehouse to its lake (etl_file_matches_lake, fact_lineage_in_lake,
 * lake_partition_one_file): a good load passes them, and each corruption of one thing, in the
 * warehouse or in the lake, is reported as exactly its offending rows.
 */
class LakeDataTestsTest {

    private static final String MEDICAL = "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,个人自付";

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void load() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 2, 9, 0));
        loads.load("medical", claims(), LocalDateTime.of(2024, 4, 1, 9, 0));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void aLoadWithRepeatedKeysRejectsAndWarningsMatchesItsLake() {
        // given the claims' counts: rows 2 and 3 loaded (3 warned), row 4 repeats row 2 (its warning dropped),
        // row 5 rejected for its ID
        assertThat(loads.rows("select rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned "
                        + "from etl_file where file_key = 3"))
                .containsExactly(List.of(4L, 2L, 2L, 0L, 1L));

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures).isEmpty();
    }

    @Test
    void anEtlFileCountTheLakeDoesNotHoldIsReported() throws Exception {
        // given the claims file's warned rows miscounted
        execute("update etl_file set rows_warned = 0 where file_key = 3");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(new DataTestFailure(
                        "tests/etl_file_matches_lake.sql",
                        1,
                        List.of(
                                "file_key=3, source=medical, rows_loaded=2, lake_loaded=2, rows_rejected=2, lake_rejected=2, "
                                        + "rows_non_data=0, lake_non_data=0, rows_warned=0, lake_warned=1")));
    }

    @Test
    void aDeletedLakePartIsReportedByItsFilesCountsAndTheLineageItHeld() throws Exception {
        // given the only rows part of 米薪关镇 (file 2: 刘福 and 陈兰, household 3103000001) gone
        Files.delete(loads.lake().partFile("registry", 2, Lake.Part.ROWS, 1));

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(
                        new DataTestFailure(
                                "tests/etl_file_matches_lake.sql",
                                1,
                                List.of(
                                        "file_key=2, source=registry, rows_loaded=2, lake_loaded=0, rows_rejected=0, lake_rejected=0, "
                                                + "rows_non_data=0, lake_non_data=0, rows_warned=0, lake_warned=0")),
                        new DataTestFailure(
                                "tests/fact_lineage_in_lake.sql",
                                3,
                                List.of(
                                        "model=dim_household, key=4, file_key=2, sheet=米薪关镇花名册, row_number=2",
                                        "model=dim_person, key=7, file_key=2, sheet=米薪关镇花名册, row_number=2",
                                        "model=dim_person, key=8, file_key=2, sheet=米薪关镇花名册, row_number=3")));
    }

    @Test
    void aFactWhoseLineageNamesNoRowOfItsFilesLakeIsReported() throws Exception {
        // given a claim pointing at a row its file does not have
        execute("update fact_medical_claim set row_number = 9 where claim_key = 1");

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(new DataTestFailure(
                        "tests/fact_lineage_in_lake.sql",
                        1,
                        List.of("model=fact_medical_claim, key=1, file_key=3, sheet=2024年住院结算明细, row_number=9")));
    }

    @Test
    void aPublishChecksTheLineageOfTheRowsItsLoadsWroteAndTheFullCheckEveryRow() throws Exception {
        // given a second claims file of the same household loaded, its claim and one of the first file damaged alike
        Path later = Files.writeString(
                dir.resolve("2024年5月住院结算明细.csv"),
                MEDICAL + "\nJS-9,李秀英," + RegistryFiles.LI_XIUYING
                        + ",玉泉镇卫生院,乡镇卫生院,2024-05-01,2024-05-05,1000,800,200\n",
                StandardCharsets.UTF_8);
        loads.warehouse().load(List.of(loads.registerAndRead("medical", later, LocalDateTime.of(2024, 5, 6, 9, 0))));
        execute("update fact_medical_claim set row_number = 9 where claim_key = 1 or file_key = 4");

        // when
        List<DataTestFailure> published = loads.warehouse().publishIfTestsPass(dir.resolve("analytics.duckdb"), null);
        List<DataTestFailure> checked = loads.warehouse().runDataTests();

        // then the publish read the later file's lake alone; the full check finds both
        assertThat(published)
                .containsExactly(new DataTestFailure(
                        "tests/fact_lineage_in_lake.sql",
                        1,
                        List.of("model=fact_medical_claim, key=3, file_key=4, sheet=2024年5月住院结算明细, row_number=9")));
        assertThat(checked).singleElement().satisfies(f -> assertThat(f.rows()).isEqualTo(2));
    }

    @Test
    void aPartCopiedIntoAnotherFilesPartitionIsReported() throws Exception {
        // given 玉泉镇's second rows part (its rows 6 and 7) copied among 米薪关镇's
        Files.copy(
                loads.lake().partFile("registry", 1, Lake.Part.ROWS, 2),
                loads.lake().partFile("registry", 2, Lake.Part.ROWS, 2));

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(
                        new DataTestFailure(
                                "tests/etl_file_matches_lake.sql",
                                1,
                                List.of(
                                        "file_key=2, source=registry, rows_loaded=2, lake_loaded=4, rows_rejected=0, lake_rejected=0, "
                                                + "rows_non_data=0, lake_non_data=0, rows_warned=0, lake_warned=0")),
                        new DataTestFailure(
                                "tests/lake_partition_one_file.sql",
                                1,
                                List.of(
                                        "part=source=registry/file_key=2/rows/part-000002.parquet, problem=rows part of file_key 1")));
    }

    @Test
    void aManifestNamingAnotherFileIsReported() throws Exception {
        // given 玉泉镇's manifest copied over 米薪关镇's
        Files.copy(
                loads.lake().manifest("registry", 1),
                loads.lake().manifest("registry", 2),
                StandardCopyOption.REPLACE_EXISTING);

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        String yuquan = Intake.sha256(dir.resolve("玉泉镇花名册.csv"));
        String mixinguan = Intake.sha256(dir.resolve("米薪关镇花名册.csv"));
        assertThat(failures)
                .containsExactly(new DataTestFailure(
                        "tests/lake_partition_one_file.sql",
                        1,
                        List.of(
                                "part=source=registry/file_key=2/file.parquet, problem=manifest of registry file_key 1 sha256 "
                                        + yuquan + ", etl_file: registry sha256 " + mixinguan)));
    }

    @Test
    void aLoadedFileWithoutItsManifestIsReported() throws Exception {
        // given the claims file's manifest gone: a rebuild would not know the file
        Files.delete(loads.lake().manifest("medical", 3));

        // when
        List<DataTestFailure> failures = loads.warehouse().runDataTests();

        // then
        assertThat(failures)
                .containsExactly(
                        new DataTestFailure(
                                "tests/lake_partition_one_file.sql",
                                1,
                                List.of(
                                        "part=source=medical/file_key=3/file.parquet, problem=loaded file without its manifest")));
    }

    @Test
    void beforeAnyFileIsLoadedTheLakeTestsHaveNothingToCheck() {
        // given a warehouse and a lake with nothing in them, marts built as before every run of the tests
        try (RegistryLoads empty = new RegistryLoads(dir.resolve("empty"))) {
            empty.warehouse().buildMarts();

            // when
            List<DataTestFailure> failures = empty.warehouse().runDataTests();

            // then
            assertThat(failures).isEmpty();
        }
    }

    /** 张建国's two stays (the second written twice), 李秀英's whose parts do not add up, and a mistyped ID. */
    private Path claims() {
        String mistyped = RegistryFiles.ZHANG_WEI.substring(0, 17)
                + (ResidentIds.checkChar(RegistryFiles.ZHANG_WEI.substring(0, 17)) == '0' ? '1' : '0');
        Path file = dir.resolve("2024年住院结算明细.csv");
        try {
            Files.writeString(
                    file,
                    String.join(
                                    "\n",
                                    MEDICAL,
                                    "JS-1,张建国," + RegistryFiles.ZHANG_JIANGUO
                                            + ",玉泉镇卫生院,乡镇卫生院,2024-01-05,2024-01-10,3000,2400,600",
                                    "JS-2,李秀英," + RegistryFiles.LI_XIUYING
                                            + ",玉泉镇卫生院,乡镇卫生院,2024-02-01,2024-02-05,3000,2000,500",
                                    "JS-1,张建国," + RegistryFiles.ZHANG_JIANGUO
                                            + ",玉泉镇卫生院,乡镇卫生院,2024-01-05,2024-01-10,3000,2000,600",
                                    "JS-3,张伟," + mistyped + ",玉泉镇卫生院,乡镇卫生院,2024-03-01,2024-03-05,1000,800,200")
                            + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void execute(String sql) throws Exception {
        try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }
}
