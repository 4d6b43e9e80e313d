package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on training rosters with placeholders for "nothing here" (see
 * {@link PlaceholdersFixtures}): in a required column a placeholder is the blank cell's reject
 * (ID_MISSING, REQUIRED_MISSING) and the receipt says what was written; in an optional column it is
 * an empty value; 就业情况 无 (not employed) and 是否结业 无 (否) stay answers.
 */
class PlaceholdersFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-placeholders-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/training-placeholders");
    /** A csv's one sheet is named after the file. */
    private static final String CSV_SHEET = "2019年博宇职业培训学校电商种养班花名册（空缺项）";

    private static final String WRITE_THE_ID = "请填写该人员18位公民身份号码。";
    private static final String FILL_IT_IN = "这是必填项，请补填。";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "placeholders-functional");
    }

    @Test
    void aPlaceholderIsABlankCellInEveryFormat() throws Exception {
        // given the xlsx, the LibreOffice xls and the csv rosters in the training inbox
        List<String> files = List.of(PlaceholdersFixtures.XLSX, PlaceholdersFixtures.XLS, PlaceholdersFixtures.CSV);

        // when each is ingested
        for (String name : files) {
            JobExecution run = pollOf("training", IngestTestSupport.drop(home, "training", FIXTURES.resolve(name)));
            assertThat(run.getStatus()).as(name).isEqualTo(BatchStatus.COMPLETED);
        }

        // then every row is accounted for
        assertThat(rows("""
                select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned
                from etl_file order by file_key"""))
                .containsExactly(
                        "1|2019年方源职业培训学校家政班花名册（空缺项）.xlsx|LOADED|6|2|3|1|0",
                        "2|2019年阳光职业培训学校养老护理员花名册（空缺项）.xls|LOADED|5|1|4|0|0",
                        "3|2019年博宇职业培训学校电商种养班花名册（空缺项）.csv|LOADED|5|2|3|0|0");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "order by file_key, row_number, column_name"))
                .containsExactly(
                        "1|家政班|4|身份证号|无|ID_MISSING",
                        "1|家政班|5|学员姓名|/|REQUIRED_MISSING",
                        "1|家政班|7|身份证号|——|ID_MISSING",
                        "2|养老护理员|4|证件号码|／|ID_MISSING",
                        "2|养老护理员|5|培训工种|——|REQUIRED_MISSING",
                        "2|养老护理员|6|培训学校|空|REQUIRED_MISSING",
                        "2|养老护理员|6|姓名|暂无|REQUIRED_MISSING",
                        "2|养老护理员|7|学时|- -|REQUIRED_MISSING",
                        "3|" + CSV_SHEET + "|3|姓名|不详|REQUIRED_MISSING",
                        "3|" + CSV_SHEET + "|4|身份证号| 无 |ID_MISSING",
                        "3|" + CSV_SHEET + "|6|身份证号|-|ID_MISSING");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data order by file_key, row_number"))
                .containsExactly("1|家政班|8|TOTAL");
        assertThat(rows("select count(*) from etl_warning")).containsExactly("0");
        // and the facts: 就业情况 无 is not employed and 是否结业 无 is 否, other placeholders are empty values
        assertThat(rows("""
                select f.file_key, f.sheet, f.row_number, f.is_registered, f.course, s.school, f.start_date, f.hours,
                       f.is_completed, f.is_employed, f.employment, f.work_place, f.monthly_wage, f.subsidy
                from fact_training f join dim_training_school s using (school_key) order by training_key"""))
                .containsExactly(
                        "1|家政班|3|false|domestic_service|方源职业培训学校|2019-03-01|120|true|false|无|null|null|1500.00",
                        "1|家政班|6|false|domestic_service|方源职业培训学校|2019-03-01|120|null|null|null|null|null|null",
                        "2|养老护理员|3|false|elderly_care|阳光职业培训学校|2019-04-01|96|true|false|无|null|null|1000.00",
                        "3|" + CSV_SHEET + "|2|false|e_commerce|博宇职业培训学校|2019-05-10|60|true|false|否|null|null|800.00",
                        "3|" + CSV_SHEET + "|5|false|crop_farming|博宇职业培训学校|2019-05-10|72|false|false|无|null|null|null");
        // and each receipt lists its rejected rows, saying the placeholder stands for a blank cell
        assertThat(IngestTestSupport.receiptRejects(home, "training", PlaceholdersFixtures.XLSX))
                .containsExactly(
                        "家政班|4|身份证号|无|ID_MISSING|身份证号为空（“无”视为未填写）。" + WRITE_THE_ID,
                        "家政班|5|学员姓名|/|REQUIRED_MISSING|姓名为空（“/”视为未填写）。" + FILL_IT_IN,
                        "家政班|7|身份证号|——|ID_MISSING|身份证号为空（“——”视为未填写）。" + WRITE_THE_ID);
        assertThat(IngestTestSupport.receiptRejects(home, "training", PlaceholdersFixtures.XLS))
                .containsExactly(
                        "养老护理员|4|证件号码|／|ID_MISSING|身份证号为空（“/”视为未填写）。" + WRITE_THE_ID,
                        "养老护理员|5|培训工种|——|REQUIRED_MISSING|培训项目为空（“——”视为未填写）。" + FILL_IT_IN,
                        "养老护理员|6|培训学校|空|REQUIRED_MISSING|培训机构为空（“空”视为未填写）。" + FILL_IT_IN,
                        "养老护理员|6|姓名|暂无|REQUIRED_MISSING|姓名为空（“暂无”视为未填写）。" + FILL_IT_IN,
                        "养老护理员|7|学时|- -|REQUIRED_MISSING|培训课时为空（“- -”视为未填写）。" + FILL_IT_IN);
        assertThat(IngestTestSupport.receiptRejects(home, "training", PlaceholdersFixtures.CSV))
                .containsExactly(
                        CSV_SHEET + "|3|姓名|不详|REQUIRED_MISSING|姓名为空（“不详”视为未填写）。" + FILL_IT_IN,
                        CSV_SHEET + "|4|身份证号| 无 |ID_MISSING|身份证号为空（“无”视为未填写）。" + WRITE_THE_ID,
                        CSV_SHEET + "|6|身份证号|-|ID_MISSING|身份证号为空（“-”视为未填写）。" + WRITE_THE_ID);
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
