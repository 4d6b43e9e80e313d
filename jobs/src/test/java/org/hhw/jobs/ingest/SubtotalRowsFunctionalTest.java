package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on a township hospital's claims as LibreOffice writes them (xlsx and xls converted from the
 * hand-written {@code .fods} beside them, with real =SUM formulas and their results) and as a csv export has
 * them (labels, no formulas): short sub-headers under a merged 各项报销, and subtotal rows labelled around
 * the keyword (玉泉镇小计, 小 计, 其中：…, 总计(元)) or, in a spreadsheet, only by their summed amounts.
 */
class SubtotalRowsFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-subtotal-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/medical");
    static final String XLSX = "2019年玉泉镇住院结算明细（含小计）.xlsx";
    static final String XLS = "2019年玉泉镇住院结算明细（含小计）.xls";
    static final String CSV = "2019年玉泉镇住院结算明细（含小计）导出.csv";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "subtotal-functional");
    }

    @Test
    void subtotalsAreCountedAsSuchAndShortSubHeadersAreReadInEveryFormat() throws Exception {
        // given the same claims in xlsx, xls and a csv export: four patients, 赵六's hospital level mistyped;
        // rows 7, 10, 11, 12 and 13 are subtotals (row 12 labelled only 玉泉镇 in the spreadsheets, 玉泉镇合计 in the csv)

        // when each is ingested, the later ones re-issuing the same settlements
        for (String name : List.of(XLSX, XLS, CSV)) {
            ingest(name);
        }

        // then each file loads three claims, rejects only 赵六's and counts the subtotals and the footer as non-data
        assertThat(rows("""
                select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned
                from etl_file order by file_key"""))
                .containsExactly(
                        "1|" + XLSX + "|LOADED|10|3|1|6|0",
                        "2|" + XLS + "|LOADED|10|3|1|6|0",
                        "3|" + CSV + "|LOADED|10|3|1|6|0");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "order by file_key, row_number"))
                .containsExactly(
                        "1|玉泉镇|9|医院级别|二级甲等|CODE_UNKNOWN",
                        "2|玉泉镇|9|医院级别|二级甲等|CODE_UNKNOWN",
                        "3|2019年玉泉镇住院结算明细（含小计）导出|9|医院级别|二级甲等|CODE_UNKNOWN");
        // and no row warns that its parts do not add up: 基本医保 and 其他 are read under 各项报销
        assertThat(rows("select count(*) from etl_warning")).containsExactly("0");
        for (int file = 1; file <= 3; file++) {
            assertThat(rows("select row_number, kind from etl_non_data where file_key = " + file
                            + " order by row_number"))
                    .as("non-data rows of file %d", file)
                    .containsExactly("7|TOTAL", "10|TOTAL", "11|TOTAL", "12|TOTAL", "13|TOTAL", "14|FOOTER");
        }
        assertThat(rows("""
                select file_key, row_number, settlement_no, hospital_level, total_cost, basic_insurance,
                       critical_illness_insurance, medical_assistance, supplementary_insurance, other_reimbursement,
                       self_paid, is_current, superseded_by
                from fact_medical_claim order by claim_key"""))
                .containsExactly(
                        "1|5|JS2019201|county|8000.00|5200.00|0.00|1000.00|1000.00|0.00|800.00|false|2",
                        "1|6|JS2019202|county|3000.00|2100.00|0.00|300.00|0.00|0.00|600.00|false|2",
                        "1|8|JS2019203|township|1500.00|1300.00|0.00|0.00|0.00|50.00|150.00|false|2",
                        "2|5|JS2019201|county|8000.00|5200.00|0.00|1000.00|1000.00|0.00|800.00|false|3",
                        "2|6|JS2019202|county|3000.00|2100.00|0.00|300.00|0.00|0.00|600.00|false|3",
                        "2|8|JS2019203|township|1500.00|1300.00|0.00|0.00|0.00|50.00|150.00|false|3",
                        "3|5|JS2019201|county|8000.00|5200.00|0.00|1000.00|1000.00|0.00|800.00|true|null",
                        "3|6|JS2019202|county|3000.00|2100.00|0.00|300.00|0.00|0.00|600.00|true|null",
                        "3|8|JS2019203|township|1500.00|1300.00|0.00|0.00|0.00|50.00|150.00|true|null");
        // and the clerk's receipt asks to fix 赵六's row only, no subtotal
        String why = "医院级别“二级甲等”不是规定的填法，只能填写：乡镇卫生院、县级、市级、省级、省外。请改为其中之一。";
        assertThat(receiptRejects(XLSX)).containsExactly("玉泉镇|9|医院级别|二级甲等|CODE_UNKNOWN|" + why);
        assertThat(receiptRejects(XLS)).containsExactly("玉泉镇|9|医院级别|二级甲等|CODE_UNKNOWN|" + why);
        assertThat(receiptRejects(CSV)).containsExactly("2019年玉泉镇住院结算明细（含小计）导出|9|医院级别|二级甲等|CODE_UNKNOWN|" + why);
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    /** The rows of the receipt's 拒收明细 sheet below its note and header, each as its cells joined by "|". */
    private List<String> receiptRejects(String name) throws Exception {
        List<String> out = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook receipt = new XSSFWorkbook(
                home.processed("medical").resolve(name + ".回执.xlsx").toFile())) {
            Sheet sheet = receipt.getSheet("拒收明细");
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(text.formatCellValue(row.getCell(c)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private void ingest(String fixture) throws Exception {
        Path file = IngestTestSupport.drop(home, "medical", FIXTURES.resolve(fixture));
        JobExecution run = pollOf("medical", file);
        assertThat(run.getStatus()).as(fixture).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
