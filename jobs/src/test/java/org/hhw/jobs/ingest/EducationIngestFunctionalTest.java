package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The ingest job on the education aid fixtures ({@link EducationFixtures}) after two registry
 * fixtures: rosters in xlsx, xls and GB18030 csv load with exact rejects, warnings and facts linked
 * to registered students and their households (and to new, unregistered persons); then a corrected
 * roster supersedes the facts it re-issues.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EducationIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-education-functional");
    private static final Path REGISTRY = Path.of("src/test/resources/fixtures/registry");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/education");

    private static final String FACTS = """
            select f.aid_key, f.file_key, f.sheet, f.row_number, p.name, f.person_key, f.household_key, h.household_id,
                   f.is_registered, f.programme, f.stage, s.school, f.term, f.amount, f.paid_on, f.paid_date_key,
                   f.guardian, t.township, v.village, f.is_current, f.superseded_by
            from fact_education_aid f
            join dim_person p on p.person_key = f.person_key
            join dim_household h on h.household_key = f.household_key
            join dim_school s on s.school_key = f.school_key
            left join dim_township t on t.township_key = f.township_key
            left join dim_village v on v.village_key = f.village_key
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "education-functional");
    }

    @Test
    @Order(1)
    void loadsEveryFormatLinkedToTheRegistryWithExactRejectsWarningsAndFacts() throws Exception {
        // given the registry of 南河堡乡/新平堡镇 and of 米薪关镇, then the three education rosters
        ingest("registry", REGISTRY.resolve(RegistryFixtures.XLSX));
        ingest("registry", REGISTRY.resolve(RegistryFixtures.XLS));

        // when each roster is ingested
        for (String name : List.of(EducationFixtures.XLSX, EducationFixtures.XLS, EducationFixtures.CSV_GB18030)) {
            ingest("education", FIXTURES.resolve(name));
        }

        // then every file is accounted for, row by row
        assertThat(rows("""
                select file_key, source, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data,
                       rows_warned, sheets_read, sheets_skipped, unknown_columns
                from etl_file where source = 'education' order by file_key"""))
                .containsExactly(
                        "3|education|2018年秋季学期教育扶贫资助发放名册.xlsx|LOADED|9|4|3|2|0|南河堡乡；新平堡镇||",
                        "4|education|2018年秋季学期中职高职大学生资助名册.xls|LOADED|4|2|1|1|0|米薪关镇||",
                        "5|education|2018年春季学期营养改善计划发放名册（GB18030）.csv|LOADED|4|3|0|1|1|"
                                + "2018年春季学期营养改善计划发放名册（GB18030）||");
        // and the rejects name the sheet, the row as Excel shows it, the column as written and the reason
        assertThat(rows("""
                select file_key, sheet, row_number, column_name, raw_value, reason_code
                from etl_reject where file_key >= 3 order by file_key, sheet, row_number"""))
                .containsExactly(
                        "3|南河堡乡|7|学生身份证号、资助项目和学期|null|DUPLICATE_IN_FILE",
                        "3|新平堡镇|3|发放金额|待定|AMOUNT_INVALID",
                        "3|新平堡镇|4|资助类别|爱心捐助|CODE_UNKNOWN",
                        "4|米薪关镇|4|资助金额|-1000|AMOUNT_INVALID");
        assertThat(rows("""
                select file_key, sheet, row_number, column_name, raw_value, reason_code, message
                from etl_warning where file_key >= 3 order by file_key, row_number"""))
                .containsExactly("5|2018年春季学期营养改善计划发放名册（GB18030）|5|资助金额|15,000|NUMBER_INVALID|"
                        + "资助金额（15000）不在合理范围（0～12000）内。请核对。");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data where file_key >= 3 "
                        + "order by file_key, row_number"))
                .containsExactly(
                        "3|南河堡乡|8|TOTAL",
                        "3|南河堡乡|9|FOOTER",
                        "4|米薪关镇|6|TOTAL",
                        "5|2018年春季学期营养改善计划发放名册（GB18030）|6|FOOTER");
        // and the facts link 张小明 and 吴小十 to their registered households, other students to new persons
        assertThat(rows(FACTS + "order by f.aid_key"))
                .containsExactly(
                        "1|3|南河堡乡|4|张小明|3|1|14022201001000001|true|registered_student_aid|junior_high|天镇县第二中学|"
                                + "2018-autumn|1200.00|2018-10-15|20181015|张三|南河堡乡|南河堡|true|null",
                        "2|3|南河堡乡|5|张小明|3|1|14022201001000001|true|boarding_allowance|junior_high|天镇县第二中学|"
                                + "2018-autumn|625.00|2018-10-15|20181015|张三|南河堡乡|南河堡|true|null",
                        "3|3|南河堡乡|6|刘小红|10|0|UNKNOWN|false|nutrition|primary|南河堡乡中心小学|"
                                + "2018-autumn|600.00|2018-10-15|20181015|刘大山|南河堡乡|南河堡|true|null",
                        "4|3|新平堡镇|2|钱小燕|11|0|UNKNOWN|false|high_school_grant|high_school|天镇县第一中学|"
                                + "2018-autumn|1000.00|2018-11-20|20181120|钱大|null|null|true|null",
                        "5|4|米薪关镇|3|吴小十|8|5|14022207001000001|true|yulu_plan|undergraduate|山西大学|"
                                + "2018-autumn|5000.00|2018-09-20|20180920|吴十|米薪关镇|孤峰山|true|null",
                        "6|4|米薪关镇|5|冯小二|12|0|UNKNOWN|false|vocational_grant|higher_vocational|山西职业技术学院|"
                                + "2018-autumn|1000.00|2018-11-01|20181101|冯二|米薪关镇|孤峰山|true|null",
                        "7|5|2018年春季学期营养改善计划发放名册（GB18030）|3|张小明|3|1|14022201001000001|true|nutrition|"
                                + "junior_high|天镇县第二中学|2018-spring|600.00|2018-04-10|20180410|null|null|null|true|null",
                        "8|5|2018年春季学期营养改善计划发放名册（GB18030）|4|刘小红|10|0|UNKNOWN|false|nutrition|"
                                + "primary|南河堡乡中心小学|2018-spring|600.00|2018-04-10|20180410|null|null|null|true|null",
                        "9|5|2018年春季学期营养改善计划发放名册（GB18030）|5|吴小十|8|5|14022207001000001|true|student_loan|"
                                + "undergraduate|山西大学|2018-spring|15000.00|2018-03-20|20180320|null|null|null|true|null");
        // and students the registry does not know are persons of their own, not registered, in no household
        assertThat(rows("""
                select person_key, name, sex, birth_date, is_registered, household_id, file_key, sheet, row_number
                from dim_person where not is_registered order by person_key"""))
                .containsExactly(
                        "10|刘小红|female|2010-03-15|false|null|3|南河堡乡|6",
                        "11|钱小燕|female|2002-06-06|false|null|3|新平堡镇|2",
                        "12|冯小二|female|1999-01-01|false|null|4|米薪关镇|5");
        assertThat(rows("select school_key, school, file_key, sheet, row_number from dim_school order by school_key"))
                .containsExactly(
                        "1|天镇县第二中学|3|南河堡乡|4",
                        "2|南河堡乡中心小学|3|南河堡乡|6",
                        "3|天镇县第一中学|3|新平堡镇|2",
                        "4|山西大学|4|米薪关镇|3",
                        "5|山西职业技术学院|4|米薪关镇|5");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(2)
    void aCorrectedRosterSupersedesByStudentProgrammeAndTerm() throws Exception {
        // given the autumn roster loaded above, whose 张小明 建档立卡学生资助 was 1,200 yuan

        // when the corrected roster (1,500 yuan, the other two rows unchanged) is ingested
        ingest("education", FIXTURES.resolve(EducationFixtures.CSV_CORRECTION));

        // then its three rows supersede the three facts of the same student, programme and term
        assertThat(rows("select file_key, rows_read, rows_loaded, rows_rejected from etl_file where file_key = 6"))
                .containsExactly("6|3|3|0");
        assertThat(rows("select aid_key, file_key, is_current, superseded_by from fact_education_aid "
                        + "where aid_key in (1, 2, 3, 4) or file_key = 6 order by aid_key"))
                .containsExactly(
                        "1|3|false|6",
                        "2|3|false|6",
                        "3|3|false|6",
                        "4|3|true|null",
                        "10|6|true|null",
                        "11|6|true|null",
                        "12|6|true|null");
        // and the current autumn total is the corrected roster's plus the rows it does not re-issue, not both summed
        assertThat(rows("""
                select term, count(*), sum(amount)
                from fact_education_aid where is_current group by term order by term""")).containsExactly("2018-autumn|6|9725.00", "2018-spring|3|16200.00");
        assertThat(rows(FACTS + "where f.file_key = 6 order by f.aid_key"))
                .containsExactly(
                        "10|6|2018年秋季学期教育扶贫资助发放名册（更正）|2|张小明|3|1|14022201001000001|true|"
                                + "registered_student_aid|junior_high|天镇县第二中学|2018-autumn|1500.00|2018-10-15|20181015|null|"
                                + "南河堡乡|南河堡|true|null",
                        "11|6|2018年秋季学期教育扶贫资助发放名册（更正）|3|张小明|3|1|14022201001000001|true|"
                                + "boarding_allowance|junior_high|天镇县第二中学|2018-autumn|625.00|2018-10-15|20181015|null|"
                                + "南河堡乡|南河堡|true|null",
                        "12|6|2018年秋季学期教育扶贫资助发放名册（更正）|4|刘小红|10|0|UNKNOWN|false|nutrition|primary|"
                                + "南河堡乡中心小学|2018-autumn|600.00|2018-10-15|20181015|null|南河堡乡|南河堡|true|null");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(3)
    void theSameRosterAgainIsNotLoadedTwice() throws Exception {
        // given the corrected roster once more, renamed as clerks do
        Path copy = home.inbox("education").resolve("2018年秋季学期教育扶贫资助发放名册（更正）(1).csv");
        java.nio.file.Files.copy(FIXTURES.resolve(EducationFixtures.CSV_CORRECTION), copy);

        // when it is ingested
        JobExecution run = pollOf("education", copy);

        // then it is a duplicate of file 6 and the facts are unchanged
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rows("select file_key, status, duplicate_of from etl_file where file_key = 7"))
                .containsExactly("7|DUPLICATE|6");
        assertThat(rows("select count(*), count(*) filter (where is_current) from fact_education_aid"))
                .containsExactly("12|9");
    }

    private void ingest(String source, Path fixture) throws Exception {
        Path file = IngestTestSupport.drop(home, source, fixture);
        JobExecution run = pollOf(source, file);
        assertThat(run.getStatus()).as(fixture.getFileName().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
