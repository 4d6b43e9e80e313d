package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on the training fixtures (xlsx, xls, GB18030 csv) after a small registry, then the
 * school's corrected roster, which supersedes the enrolments it lists again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-training-functional");
    private static final Path REGISTRY = Path.of("src/test/resources/fixtures/registry");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/training");
    private static final String CSV_SHEET = "2019年博宇职业培训学校电商种养班花名册（GB18030）";
    private static final String CORRECTED_SHEET = "2019年博宇职业培训学校电商种养班花名册（更正）";
    private static final String FACTS = """
            select f.training_key, f.file_key, f.sheet, f.row_number, f.person_key, f.household_key, f.is_registered,
                   f.course, s.school, start_date, start_date_key, end_date, hours, age, is_completed, certificate, is_employed,
                   employment, work_place, monthly_wage, subsidy, is_current, superseded_by
            from fact_training f join dim_training_school s using (school_key)
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "training-functional");
    }

    @Test
    @Order(1)
    void loadsEveryFormatLinkedToTheRegistryWithExactRejectsWarningsAndFacts() throws Exception {
        // given a registry of two townships (张三, 李四, 赵六, 钱七, 周九 among them), then the three rosters
        ingest("registry", IngestTestSupport.drop(home, "registry", REGISTRY.resolve(RegistryFixtures.XLSX)));

        // when each roster is ingested
        for (String name : List.of(TrainingFixtures.XLSX, TrainingFixtures.XLS, TrainingFixtures.CSV_GB18030)) {
            ingest("training", IngestTestSupport.drop(home, "training", FIXTURES.resolve(name)));
        }

        // then every row is accounted for
        assertThat(rows("""
                select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned,
                       sheets_read, unknown_columns
                from etl_file where source = 'training' order by file_key"""))
                .containsExactly(
                        "2|2019年方源职业培训学校家政班花名册.xlsx|LOADED|6|3|1|2|1|家政班|",
                        "3|2019年阳光职业培训学校养老护理员花名册.xls|LOADED|4|2|2|0|0|养老护理员|养老护理员：备注",
                        "4|2019年博宇职业培训学校电商种养班花名册（GB18030）.csv|LOADED|4|2|2|0|0|" + CSV_SHEET + "|");
        // and an end before the start, zero hours, an unknown course, a repeated enrolment and 待定 are rejected
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "where file_key > 1 order by file_key, row_number"))
                .containsExactly(
                        "2|家政班|7|结业日期|2019-03-05|INCONSISTENT",
                        "3|养老护理员|4|学时|0|NUMBER_INVALID",
                        "3|养老护理员|5|培训工种|美容美发|CODE_UNKNOWN",
                        "4|" + CSV_SHEET + "|3|身份证号、培训项目、开班日期|null|DUPLICATE_IN_FILE",
                        "4|" + CSV_SHEET + "|5|补贴金额|待定|AMOUNT_INVALID");
        // and an age the ID contradicts loads with a warning
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_warning "
                        + "where file_key > 1 order by file_key, row_number"))
                .containsExactly("2|家政班|5|年龄|50|INCONSISTENT");
        // and registered trainees link to their person and household; 孔一, unknown to the registry, is loaded
        // once as an unregistered person of the unknown household
        assertThat(rows(FACTS + "order by training_key"))
                .containsExactly(
                        "1|2|家政班|4|2|1|true|domestic_service|方源职业培训学校|2019-03-01|20190301|2019-03-20|120|51|true|"
                                + "JZ2019001|true|在北京做家政|北京|4500.00|1500.00|true|null",
                        "2|2|家政班|5|6|4|true|security_guard|方源职业培训学校|2019-03-01|20190301|2019-03-15|80|50|true|null|"
                                + "true|是|天津|3800.00|1200.00|true|null",
                        "3|2|家政班|6|7|0|false|infant_care|方源职业培训学校|2019-03-01|20190301|2019-03-25|100|28|false|null|"
                                + "false|否|null|null|1500.00|true|null",
                        "4|3|养老护理员|3|4|2|true|elderly_care|阳光职业培训学校|2019-04-01|20190401|2019-04-30|96|null|true|"
                                + "YL2019-007|true|是|县内|2000.00|1000.00|true|null",
                        "5|3|养老护理员|6|7|0|false|elderly_care|阳光职业培训学校|2019-04-01|20190401|2019-04-30|96|null|true|"
                                + "YL2019-009|true|在大同养老院|大同|2600.00|1000.00|true|null",
                        "6|4|" + CSV_SHEET + "|2|1|1|true|e_commerce|博宇职业培训学校|2019-05-10|20190510|2019-05-20|60|null|"
                                + "true|null|false|否|null|null|800.00|true|null",
                        "7|4|" + CSV_SHEET + "|4|5|3|true|crop_farming|博宇职业培训学校|2019-05-10|20190510|2019-05-24|72|null|"
                                + "true|ZZ2019-002|false|未就业|null|null|900.00|true|null");
        assertThat(rows("select person_key, id_masked, name, sex, birth_date, is_registered, household_id, file_key, "
                        + "row_number from dim_person where not is_registered"))
                .containsExactly("7|140222********026X|孔一|female|1990-04-15|false|null|2|6");
        assertThat(rows("select course_key, code, name_zh from dim_course order by course_key"))
                .containsExactly(
                        "1|domestic_service|家政服务员",
                        "2|security_guard|保安员",
                        "3|infant_care|育婴员",
                        "4|elderly_care|养老护理员",
                        "5|e_commerce|电子商务",
                        "6|crop_farming|种植技术");
        assertThat(rows("select school_key, school, file_key, sheet, row_number from dim_training_school "
                        + "order by school_key"))
                .containsExactly("1|方源职业培训学校|2|家政班|4", "2|阳光职业培训学校|3|养老护理员|3", "3|博宇职业培训学校|4|" + CSV_SHEET + "|2");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(2)
    void theSameRosterUnderAnotherNameIsNotLoadedTwice() throws Exception {
        // given the xlsx again, renamed as clerks do
        Path copy = home.inbox("training").resolve("2019年方源职业培训学校家政班花名册(1).xlsx");
        Files.copy(FIXTURES.resolve(TrainingFixtures.XLSX), copy);

        // when it is ingested
        ingest("training", copy);

        // then it is a duplicate of file 2 and no fact is added
        assertThat(rows("select file_key, status, duplicate_of, rows_loaded from etl_file where file_key = 5"))
                .containsExactly("5|DUPLICATE|2|0");
        assertThat(rows("select count(*) from fact_training")).containsExactly("7");
    }

    @Test
    @Order(3)
    void aCorrectedRosterSupersedesByEnrolmentAndTotalsAreTheCorrectedOnes() throws Exception {
        // given the school's corrected roster: 张三's subsidy 800 → 1000, 钱七 unchanged, 周九's 待定 → 1100
        Path corrected = IngestTestSupport.drop(home, "training", FIXTURES.resolve(TrainingFixtures.CSV_CORRECTED));

        // when it is ingested
        ingest("training", corrected);

        // then the enrolments it lists again are superseded by it, and 周九's is new
        assertThat(rows("select file_key, rows_read, rows_loaded, rows_rejected from etl_file where file_key = 6"))
                .containsExactly("6|3|3|0");
        assertThat(rows(FACTS + "where f.file_key >= 4 order by training_key"))
                .containsExactly(
                        "6|4|" + CSV_SHEET + "|2|1|1|true|e_commerce|博宇职业培训学校|2019-05-10|20190510|2019-05-20|60|null|"
                                + "true|null|false|否|null|null|800.00|false|6",
                        "7|4|" + CSV_SHEET + "|4|5|3|true|crop_farming|博宇职业培训学校|2019-05-10|20190510|2019-05-24|72|null|"
                                + "true|ZZ2019-002|false|未就业|null|null|900.00|false|6",
                        "8|6|" + CORRECTED_SHEET + "|2|1|1|true|e_commerce|博宇职业培训学校|2019-05-10|20190510|2019-05-20|60|"
                                + "null|true|DS2019-001|false|否|null|null|1000.00|true|null",
                        "9|6|" + CORRECTED_SHEET
                                + "|3|5|3|true|crop_farming|博宇职业培训学校|2019-05-10|20190510|2019-05-24|72|"
                                + "null|true|ZZ2019-002|false|未就业|null|null|900.00|true|null",
                        "10|6|" + CORRECTED_SHEET + "|4|6|4|true|livestock_farming|博宇职业培训学校|2019-05-10|20190510|"
                                + "2019-05-24|72|null|true|null|true|是|县内|2400.00|1100.00|true|null");
        // and the school's current totals are the corrected file's, not the sum of both
        assertThat(rows("""
                select count(*), sum(subsidy)
                from fact_training f join dim_training_school s using (school_key)
                where s.school = '博宇职业培训学校' and f.is_current""")).containsExactly("3|3000.00");
        assertThat(rows("select count(*), sum(subsidy) from fact_training where is_current"))
                .containsExactly("8|9200.00");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    private void ingest(String source, Path file) throws Exception {
        JobExecution run = pollOf(source, file);
        assertThat(run.getStatus()).as(file.getFileName().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
